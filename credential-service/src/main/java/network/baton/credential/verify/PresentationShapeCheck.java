package network.baton.credential.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import network.baton.credential.issue.VcContexts;

/**
 * The {@code presentation} gate: the document is a VC Data Model 2.0 presentation, its holder a DID
 * when named (optional: else the controller of the key that secured it), holding at least one
 * credential (a list of envelopes in a {@code vp+jwt}; a list or one object with an embedded
 * proof); records the holder and the credentials held.
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
    JsonNode named =
        vp.path("holder").isObject() ? vp.path("holder").path("id") : vp.path("holder");
    boolean holderNamed = !vp.path("holder").isMissingNode();
    String holder = holderNamed ? named.asText(null) : controllerOfKey(evidence);
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
    if (holderNamed && (holder == null || !holder.startsWith("did:"))) {
      return List.of(Check.fail(name, "presentation names no holder DID"));
    }
    boolean secured = evidence.signed() != null || vp.has("proof");
    if (holder == null && secured) {
      return List.of(
          Check.fail(name, "presentation names no holder and its key is not a DID URL of one"));
    }
    int held = evidence.held().size();
    if (held == 0) return List.of(Check.fail(name, "presentation holds no credential"));
    return List.of(
        Check.pass(
            name,
            (holder == null ? "presentation without a holder" : "presentation by " + holder)
                + " with "
                + held
                + " credential(s)"));
  }

  // No holder named: the holder is the controller of the key that secured the presentation (the
  // DID of the proof's verificationMethod, or of the JWS kid), null for an unsecured one.
  private static String controllerOfKey(Evidence evidence) {
    String key =
        evidence.signed() != null
            ? evidence.signed().getHeader().getKeyID()
            : evidence.document().path("proof").path("verificationMethod").asText(null);
    if (key == null || !key.startsWith("did:")) return null;
    int fragment = key.indexOf('#');
    return fragment < 0 ? key : key.substring(0, fragment);
  }
}
