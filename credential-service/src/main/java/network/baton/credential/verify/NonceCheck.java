package network.baton.credential.verify;

/**
 * Decides whether the nonce (challenge) a presentation carries is acceptable: the report's {@code
 * nonce} check. {@code presented} is null when the presentation carries none.
 */
@FunctionalInterface
public interface NonceCheck {
  /** The nonce check for the presented nonce. */
  Check check(String presented);

  /**
   * Accepts exactly {@code expected} (a nonce the caller handed out itself), once within the memory
   * of {@code used}.
   */
  static NonceCheck remembered(String expected, UsedNonces used) {
    return presented -> {
      if (presented == null)
        return Check.fail(PresentationVerifier.NONCE, "presentation has no nonce");
      if (!presented.equals(expected)) {
        return Check.fail(
            PresentationVerifier.NONCE, "nonce " + presented + " is not the one handed out");
      }
      if (!used.markUsed(expected)) {
        return Check.fail(
            PresentationVerifier.NONCE, "nonce was already used: this presentation is a replay");
      }
      return Check.pass(PresentationVerifier.NONCE, "nonce matches and was not used before");
    };
  }
}
