package network.baton.credential.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import network.baton.credential.issue.VcContexts;

/**
 * The {@code presentation} gate: the document is a VC Data Model 2.0 presentation naming its holder
 * by DID and holding at least one credential (a list of envelopes in a {@code vp+jwt}; a list or
 * one object with an embedded proof); records the holder and the credentials held.
 */
public final class PresentationShapeCheck implements VerificationCheck {
  private final boolean embedded;

  private PresentationShapeCheck(boolean embedded) {
    this.embedded = embedded;
  }

  /** For the payload of a {@code vp+jwt}. */
  public static PresentationShapeCheck jwt() {
    return new PresentationShapeCheck(false);
  }

  /** For a JSON-LD presentation with an embedded proof. */
  public static PresentationShapeCheck embedded() {
    return new PresentationShapeCheck(true);
  }

  @Override
  public List<Check> check(Evidence evidence) {
    JsonNode vp = evidence.document();
    String holder = vp.path("holder").isTextual() ? vp.get("holder").asText() : null;
    evidence.subject(holder);
    JsonNode listed = vp.get("verifiableCredential");
    if (listed != null && listed.isArray()) listed.forEach(evidence.held()::add);
    else if (embedded && listed != null && listed.isObject()) evidence.held().add(listed);
    String name = PresentationVerifier.PRESENTATION;
    if (!CredentialShapeCheck.contains(vp.get("type"), "VerifiablePresentation")
        || !VcContexts.CREDENTIALS_V2.equals(vp.path("@context").path(0).asText())) {
      return List.of(
          Check.fail(
              name,
              (embedded ? "" : "payload is ") + "not a VC Data Model 2.0 VerifiablePresentation"));
    }
    if (holder == null || !holder.startsWith("did:")) {
      return List.of(Check.fail(name, "presentation names no holder DID"));
    }
    int held = evidence.held().size();
    if (held == 0) return List.of(Check.fail(name, "presentation holds no credential"));
    return List.of(
        Check.pass(name, "presentation by " + holder + " with " + held + " credential(s)"));
  }
}
