package network.baton.credential.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import network.baton.credential.issue.VcContexts;

/**
 * The {@code credential} gate: the document is a VC Data Model 2.0 credential (or 1.1, under its
 * context, as older Data Integrity credentials are; not a VC-JWT 1.1 {@code vc} claim) with an
 * issuer DID and a subject; records the issuer and subject it names.
 */
public final class CredentialShapeCheck implements VerificationCheck {
  @Override
  public List<Check> check(Evidence evidence) {
    JsonNode vc = evidence.document();
    String issuer = issuerId(vc);
    evidence.issuer(issuer);
    evidence.subject(vc.path("credentialSubject").path("id").asText(null));
    Optional<String> problem = problem(vc);
    return List.of(
        problem.isPresent()
            ? Check.fail(CredentialVerifier.CREDENTIAL, problem.get())
            : Check.pass(
                CredentialVerifier.CREDENTIAL,
                (isV1(vc) ? "a VC Data Model 1.1" : "a VC Data Model 2.0")
                    + " credential issued by "
                    + issuer));
  }

  private static boolean isV2(JsonNode vc) {
    JsonNode context = vc.get("@context");
    return context != null
        && context.isArray()
        && VcContexts.CREDENTIALS_V2.equals(context.path(0).asText());
  }

  /** Whether the credential is under the VC Data Model 1.1 context (its first item). */
  static boolean isV1(JsonNode vc) {
    JsonNode context = vc.get("@context");
    return context != null
        && context.isArray()
        && VcContexts.CREDENTIALS_V1.equals(context.path(0).asText());
  }

  private static Optional<String> problem(JsonNode vc) {
    if (vc.has("vc") && !vc.has("@context")) {
      return Optional.of(
          "payload carries a 'vc' claim (VC-JWT 1.1); expected the credential itself (VC-JOSE-COSE)");
    }
    if (!isV2(vc) && !isV1(vc)) {
      return Optional.of(
          "@context must be an array starting with "
              + VcContexts.CREDENTIALS_V2
              + " (or "
              + VcContexts.CREDENTIALS_V1
              + ")");
    }
    if (!contains(vc.get("type"), "VerifiableCredential")) {
      return Optional.of("type does not include VerifiableCredential");
    }
    if (issuerId(vc) == null) return Optional.of("issuer has no DID");
    if (!vc.path("credentialSubject").isObject()) {
      return Optional.of("credentialSubject is missing");
    }
    return Optional.empty();
  }

  /** The issuer's DID (the issuer as a string or its {@code id}), or null when it names none. */
  static String issuerId(JsonNode vc) {
    JsonNode issuer = vc.get("issuer");
    if (issuer == null) return null;
    String id = issuer.isObject() ? issuer.path("id").asText(null) : issuer.asText(null);
    return id != null && id.startsWith("did:") ? id : null;
  }

  /** Whether a JSON string, or an array of them, contains {@code value}. */
  static boolean contains(JsonNode node, String value) {
    if (node == null) return false;
    if (node.isTextual()) return node.asText().equals(value);
    for (JsonNode item : node) if (item.isTextual() && item.asText().equals(value)) return true;
    return false;
  }
}
