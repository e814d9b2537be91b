package network.baton.credential.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The {@code nonce} check: the challenge a presentation carries (the {@code nonce} claim of a
 * {@code vp+jwt}, the proof's {@code challenge} in Data Integrity) passes the verifier's {@link
 * NonceCheck} (the one it handed out, not used before).
 */
public final class ChallengeCheck implements VerificationCheck {
  private final boolean inProof;

  private ChallengeCheck(boolean inProof) {
    this.inProof = inProof;
  }

  /** The {@code nonce} claim of a {@code vp+jwt}. */
  public static ChallengeCheck nonceClaim() {
    return new ChallengeCheck(false);
  }

  /** The {@code challenge} of an embedded proof. */
  public static ChallengeCheck proofChallenge() {
    return new ChallengeCheck(true);
  }

  @Override
  public List<Check> check(Evidence evidence) {
    if (evidence.required().nonce() == null) {
      return List.of(Check.pass(PresentationVerifier.NONCE, "no challenge was asked"));
    }
    JsonNode vp = evidence.document();
    JsonNode presented = inProof ? vp.path("proof").get("challenge") : vp.get("nonce");
    return List.of(
        evidence
            .required()
            .nonce()
            .check(presented != null && presented.isTextual() ? presented.asText() : null));
  }
}
