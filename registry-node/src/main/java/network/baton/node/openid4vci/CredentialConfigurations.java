package network.baton.node.openid4vci;

import static java.util.Objects.requireNonNull;

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
 * ldp_vc} (JSON-LD with an {@code eddsa-rdfc-2022} proof), and the skill credential as SD-JWT VC
 * ({@code dc+sd-jwt}, OpenID4VCI 1.0 Appendix A.3, with the node's {@code vct}, bound to the
 * holder's key as {@code cnf.jwk}, each skill its own disclosure). This map is the one place a
 * format is added.
 */
public final class CredentialConfigurations {

  /** The course credential as a JWT (VC-JOSE-COSE {@code vc+jwt}, no JSON-LD processing). */
  public static final String JWT_VC_JSON = "BatonCourseCredential_jwt_vc_json";

  /** The course credential as JSON-LD with an eddsa-rdfc-2022 Data Integrity proof. */
  public static final String LDP_VC = "BatonCourseCredential_ldp_vc";

  /** The skill credential as SD-JWT VC ({@code dc+sd-jwt}), the skills selectively disclosable. */
  public static final String SD_JWT_VC = "BatonSkillCredential_dc_sd_jwt";

  /** How the holder's key is named in the credential: a did:key or a did:jwk. */
  static final JsonArray BINDING_METHODS = new JsonArray().add("did:key").add("did:jwk");

  private final Map<String, CredentialConfiguration> byId;

  private CredentialConfigurations(Map<String, CredentialConfiguration> byId) {
    this.byId = Map.copyOf(byId);
  }

  /** JWS algorithms: Ed25519 by default, P-256 after a rotation to it. */
  private static final JsonArray SIGNING_ALGORITHMS = new JsonArray().add("EdDSA").add("ES256");

  /** The configurations of a BATON node whose skill credentials have this {@code vct}. */
  public static CredentialConfigurations standard(String vct) {
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
            configuration("jwt_vc_json", BINDING_METHODS, SIGNING_ALGORITHMS, courseDisplay())
                .put("credential_definition", new JsonObject().put("type", types.copy()))));
    all.put(
        LDP_VC,
        new CredentialConfiguration(
            LDP_VC,
            "ldp_vc",
            CredentialFormat.DATA_INTEGRITY,
            false,
            configuration(
                    "ldp_vc",
                    BINDING_METHODS,
                    new JsonArray().add("eddsa-rdfc-2022"),
                    courseDisplay())
                .put(
                    "credential_definition",
                    new JsonObject().put("@context", contexts).put("type", types.copy()))));
    all.put(
        SD_JWT_VC,
        new CredentialConfiguration(
            SD_JWT_VC,
            "dc+sd-jwt",
            CredentialFormat.SD_JWT_VC,
            true,
            configuration(
                    "dc+sd-jwt",
                    // the key itself, in cnf.jwk (SD-JWT VC's key binding)
                    new JsonArray().add("jwk"),
                    SIGNING_ALGORITHMS,
                    skillDisplay())
                .put("vct", requireNonNull(vct, "vct"))));
    return new CredentialConfigurations(all);
  }

  private static JsonObject configuration(
      String format, JsonArray bindingMethods, JsonArray signingAlgorithms, JsonObject metadata) {
    return new JsonObject()
        .put("format", format)
        .put("cryptographic_binding_methods_supported", bindingMethods.copy())
        .put("credential_signing_alg_values_supported", signingAlgorithms.copy())
        .put(
            "proof_types_supported",
            new JsonObject()
                .put(
                    "jwt",
                    new JsonObject()
                        .put(
                            "proof_signing_alg_values_supported",
                            new JsonArray(java.util.List.copyOf(KeyProof.ALGORITHMS)))))
        .put("credential_metadata", metadata);
  }

  private static JsonObject courseDisplay() {
    return new JsonObject()
        .put(
            "display",
            new JsonArray()
                .add(display("BATON 修了証", "ja", "BATON ネットワークの教育機関が発行する講座修了とスキルの証明"))
                .add(
                    display(
                        "BATON course credential",
                        "en",
                        "A course completed at a BATON member and the skills it attests")));
  }

  /** The SD-JWT VC's display and its claims (OpenID4VCI 1.0 Appendix B.2): achievement, skills. */
  private static JsonObject skillDisplay() {
    return new JsonObject()
        .put(
            "display",
            new JsonArray()
                .add(display("BATON スキル証明", "ja", "BATON ネットワークの教育機関が発行する講座修了と、選んで開示できるスキルの証明"))
                .add(
                    display(
                        "BATON skill credential",
                        "en",
                        "A course completed at a BATON member and its skills, each disclosed"
                            + " only when the holder chooses")))
        .put(
            "claims",
            new JsonArray()
                .add(claim(new JsonArray().add("achievement"), true, "修了した講座", "Course"))
                .add(
                    claim(
                        new JsonArray().add("achievement").add("name"), true, "講座名", "Course name"))
                .add(claim(new JsonArray().add("skills"), false, "スキル", "Skills"))
                .add(
                    claim(
                        new JsonArray().add("skills").addNull().add("code"),
                        false,
                        "スキルコード",
                        "Skill code"))
                .add(
                    claim(
                        new JsonArray().add("skills").addNull().add("name"),
                        false,
                        "スキル名",
                        "Skill name")));
  }

  private static JsonObject claim(JsonArray path, boolean mandatory, String ja, String en) {
    return new JsonObject()
        .put("path", path)
        .put("mandatory", mandatory)
        .put(
            "display",
            new JsonArray()
                .add(new JsonObject().put("name", ja).put("locale", "ja"))
                .add(new JsonObject().put("name", en).put("locale", "en")));
  }

  private static JsonObject display(String name, String locale, String description) {
    return new JsonObject().put("name", name).put("locale", locale).put("description", description);
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
