package network.baton.node.openid4vci;

import static java.util.Objects.requireNonNull;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The two metadata documents a wallet reads first: the credential issuer's (OpenID4VCI 1.0 section
 * 12.2, at {@code /.well-known/openid-credential-issuer}) and, as the node is its own authorization
 * server, the OAuth 2.0 authorization server's (RFC 8414, at {@code
 * /.well-known/oauth-authorization-server}), which takes only the pre-authorized code grant,
 * anonymously (no {@code response_types_supported}, as OpenID4VCI allows for such a server).
 */
public final class IssuerMetadata {

  /** The path of the credential issuer metadata. */
  public static final String ISSUER_PATH = "/.well-known/openid-credential-issuer";

  /** The path of the authorization server metadata. */
  public static final String AUTHORIZATION_SERVER_PATH = "/.well-known/oauth-authorization-server";

  /** The token endpoint's path. */
  public static final String TOKEN_PATH = "/openid4vci/token";

  /** The nonce endpoint's path. */
  public static final String NONCE_PATH = "/openid4vci/nonce";

  /** The credential endpoint's path. */
  public static final String CREDENTIAL_PATH = "/openid4vci/credential";

  private IssuerMetadata() {}

  /** The credential issuer metadata of {@code issuer}, named {@code name} in both languages. */
  public static JsonObject issuer(
      String issuer, String nameJa, String nameEn, CredentialConfigurations configurations) {
    requireNonNull(issuer, "issuer");
    return new JsonObject()
        .put("credential_issuer", issuer)
        .put("credential_endpoint", issuer + CREDENTIAL_PATH)
        .put("nonce_endpoint", issuer + NONCE_PATH)
        .put(
            "display",
            new JsonArray()
                .add(new JsonObject().put("name", nameJa).put("locale", "ja"))
                .add(new JsonObject().put("name", nameEn).put("locale", "en")))
        .put("credential_configurations_supported", configurations.toJson());
  }

  /** The authorization server metadata of {@code issuer}. */
  public static JsonObject authorizationServer(String issuer) {
    return new JsonObject()
        .put("issuer", issuer)
        .put("token_endpoint", issuer + TOKEN_PATH)
        .put("grant_types_supported", new JsonArray().add(TokenRequest.PRE_AUTHORIZED_CODE))
        .put("token_endpoint_auth_methods_supported", new JsonArray().add("none"))
        .put("pre-authorized_grant_anonymous_access_supported", true);
  }
}
