package network.baton.credential.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The {@code audience} check: the presentation was made for this verifier (the {@code aud} claim of
 * a {@code vp+jwt}, the proof's {@code domain} in Data Integrity, names the expected domain).
 */
public final class AudienceCheck implements VerificationCheck {
  private final boolean inProof;

  private AudienceCheck(boolean inProof) {
    this.inProof = inProof;
  }

  /** The {@code aud} claim of a {@code vp+jwt}. */
  public static AudienceCheck audClaim() {
    return new AudienceCheck(false);
  }

  /** The {@code domain} of an embedded proof. */
  public static AudienceCheck proofDomain() {
    return new AudienceCheck(true);
  }

  @Override
  public List<Check> check(Evidence evidence) {
    JsonNode vp = evidence.document();
    JsonNode named = inProof ? vp.path("proof").get("domain") : vp.get("aud");
    String expected = evidence.required().domain();
    String name = PresentationVerifier.AUDIENCE;
    if (expected == null) return List.of(Check.pass(name, "no domain was asked"));
    if (named == null) {
      return List.of(
          Check.fail(name, inProof ? "the proof names no domain" : "presentation has no aud"));
    }
    return List.of(
        CredentialShapeCheck.contains(named, expected)
            ? Check.pass(name, "made for " + expected)
            : Check.fail(name, "made for " + named + ", not for " + expected));
  }
}
