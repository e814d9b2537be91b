package network.baton.node.openid4vci;

import static java.util.Objects.requireNonNull;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import network.baton.credential.http.Problem;
import network.baton.node.http.FormBody;
import network.baton.vocab.NotUtf8Exception;

/**
 * A token request of the pre-authorized code grant (OpenID4VCI 1.0 section 6.1), read from its
 * {@code application/x-www-form-urlencoded} body as RFC 6749 section 3.2 has it: no parameter
 * twice, {@code grant_type} {@code urn:ietf:params:oauth:grant-type:pre-authorized_code}, a {@code
 * pre-authorized_code}, and the {@code tx_code} when the offer asked for one (null otherwise). A
 * {@code client_id} is allowed and ignored: the node takes anonymous token requests. Written by
 * hand: the OAuth 2.0 SDKs of the field do not know this grant type.
 */
public record TokenRequest(String preAuthorizedCode, String txCode) {

  /** The grant type of the pre-authorized code flow. */
  public static final String PRE_AUTHORIZED_CODE =
      "urn:ietf:params:oauth:grant-type:pre-authorized_code";

  public TokenRequest {
    requireNonNull(preAuthorizedCode, "preAuthorizedCode");
  }

  /** The request in this form body; fails with invalid_request or unsupported_grant_type. */
  public static TokenRequest parse(Buffer body) {
    MultiMap form;
    try {
      form = FormBody.parse(body);
    } catch (Problem | NotUtf8Exception e) {
      throw OAuthError.invalidRequest("the form body cannot be read: " + e.getMessage());
    }
    for (String name : form.names()) {
      if (form.getAll(name).size() > 1) {
        throw OAuthError.invalidRequest("the parameter " + name + " is sent more than once");
      }
    }
    String grant = form.get("grant_type");
    if (grant == null || grant.isEmpty()) throw OAuthError.invalidRequest("grant_type is missing");
    if (!grant.equals(PRE_AUTHORIZED_CODE)) {
      throw OAuthError.unsupportedGrantType(
          "this node takes only the grant type " + PRE_AUTHORIZED_CODE);
    }
    String code = form.get("pre-authorized_code");
    if (code == null || code.isEmpty()) {
      throw OAuthError.invalidRequest("pre-authorized_code is missing");
    }
    return new TokenRequest(code, form.get("tx_code"));
  }
}
