package network.baton.credential.verify;

/**
 * What the caller of a presentation verification asks (the VC API's {@code options}): the {@code
 * challenge} and {@code domain} the presentation's proof must carry (null: not asked), whether each
 * credential must be about the holder ({@code holderBinding}), and whether the challenge must be
 * one this verifier handed out ({@code issuedChallenge}: known, unexpired, used up by the call; the
 * node's pages ask for it). A challenge the verifier did not hand out is accepted once, like any
 * other nonce, when {@code issuedChallenge} is off.
 */
public record PresentationOptions(
    String challenge, String domain, boolean holderBinding, boolean issuedChallenge) {
  public PresentationOptions {
    if (challenge != null && challenge.isBlank()) {
      throw new IllegalArgumentException("challenge must not be blank");
    }
    if (domain != null && domain.isBlank()) {
      throw new IllegalArgumentException("domain must not be blank");
    }
    if (issuedChallenge && challenge == null) {
      throw new IllegalArgumentException("an issued challenge is asked, but no challenge given");
    }
  }

  /** The pages' policy: a challenge this verifier issued, with holder binding. */
  public static PresentationOptions issued(String challenge, String domain) {
    return new PresentationOptions(challenge, domain, true, true);
  }
}
