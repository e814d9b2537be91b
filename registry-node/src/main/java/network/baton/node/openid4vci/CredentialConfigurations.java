package network.baton.node.openid4vci;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import network.baton.credential.issue.VcContexts;
import network.baton.credential.service.CredentialFormat;

/**
 * The credential configurations the node offers to wallets, by id: the course credential (Open
 * Badges 3.0 OpenBadgeCredential) as {@code jwt_vc_json} (the node's {@code vc+jwt}) and as {@code
 * ldp_vc} (JSON-LD with an {@code eddsa-rdfc-2022} proof). This map is the one place a format is
 * added: SD-JWT VC ({@code dc+sd-jwt}, with its {@code vct}) goes here once IssuanceService issues
 * it.
 */
public final class CredentialConfigurations {

  /** The course credential as a JWT (VC-JOSE-COSE {@code vc+jwt}, no JSON-LD processing). */
  public static final String JWT_VC_JSON = "BatonCourseCredential_jwt_vc_json";

  /** The course credential as JSON-LD with an eddsa-rdfc-2022 Data Integrity proof. */
  public static final String LDP_VC = "BatonCourseCredential_ldp_vc";

  /** How the holder's key is named in the credential: a did:key or a did:jwk. */
  static final JsonArray BINDING_METHODS = new JsonArray().add("did:key").add("did:jwk");

  private final Map<String, CredentialConfiguration> byId;

  private CredentialConfigurations(Map<String, CredentialConfiguration> byId) {
    this.byId = Map.copyOf(byId);
  }

  /** The configurations of a BATON node. */
  public static CredentialConfigurations standard() {
    JsonArray types = new JsonArray().add("VerifiableCredential").add("OpenBadgeCredential");
    JsonArray contexts = new JsonArray().add(VcContexts.CREDENTIALS_V2).add(VcContexts.OB_V3P0);
    Map<String, CredentialConfiguration> all = new LinkedHashMap<>();
    all.put(
        JWT_VC_JSON,
        new CredentialConfiguration(
            JWT_VC_JSON,
            "jwt_vc_json",
            CredentialFormat.JWT,
            true,
            configuration(
                "jwt_vc_json",
                // JWS algorithms: Ed25519 by default, P-256 after a rotation to it.
                new JsonArray().add("EdDSA").add("ES256"),
                new JsonObject().put("type", types.copy()))));
    all.put(
        LDP_VC,
        new CredentialConfiguration(
            LDP_VC,
            "ldp_vc",
            CredentialFormat.DATA_INTEGRITY,
            false,
            configuration(
                "ldp_vc",
                new JsonArray().add("eddsa-rdfc-2022"),
                new JsonObject().put("@context", contexts).put("type", types.copy()))));
    // dc+sd-jwt: all.put(SD_JWT_VC, new CredentialConfiguration(..., "dc+sd-jwt", ..., true,
    //   {vct, credential_signing_alg_values_supported, ...})) once IssuanceService issues SD-JWT
    // VC.
    return new CredentialConfigurations(all);
  }

  private static JsonObject configuration(
      String format, JsonArray signingAlgorithms, JsonObject definition) {
    return new JsonObject()
        .put("format", format)
        .put("cryptographic_binding_methods_supported", BINDING_METHODS.copy())
        .put("credential_signing_alg_values_supported", signingAlgorithms)
        .put(
            "proof_types_supported",
            new JsonObject()
                .put(
                    "jwt",
                    new JsonObject()
                        .put(
                            "proof_signing_alg_values_supported",
                            new JsonArray(java.util.List.copyOf(KeyProof.ALGORITHMS)))))
        .put("credential_definition", definition)
        .put(
            "credential_metadata",
            new JsonObject()
                .put(
                    "display",
                    new JsonArray()
                        .add(
                            new JsonObject()
                                .put("name", "BATON 修了証")
                                .put("locale", "ja")
                                .put("description", "BATON ネットワークの教育機関が発行する講座修了とスキルの証明"))
                        .add(
                            new JsonObject()
                                .put("name", "BATON course credential")
                                .put("locale", "en")
                                .put(
                                    "description",
                                    "A course completed at a BATON member and the skills it"
                                        + " attests"))));
  }

  /** The configuration with this id, if the node offers it. */
  public Optional<CredentialConfiguration> find(String id) {
    return Optional.ofNullable(id == null ? null : byId.get(id));
  }

  /** Every configuration, in the metadata's order. */
  public Collection<CredentialConfiguration> all() {
    return byId.values().stream()
        .sorted(java.util.Comparator.comparing(CredentialConfiguration::id))
        .toList();
  }

  /** The metadata's {@code credential_configurations_supported} object. */
  public JsonObject toJson() {
    JsonObject supported = new JsonObject();
    all().forEach(c -> supported.put(c.id(), c.metadata()));
    return supported;
  }
}
