package network.baton.credential.verify;

import java.util.List;

/**
 * The {@code proof} step of a presentation without a proof, allowed only when the verifier asked
 * for no challenge, domain or holder binding: nothing of the presentation itself is authentic, so
 * it passes only when it holds credentials and every one verified on its own (each with its own
 * proof or signature).
 */
final class UnsecuredPresentationCheck implements VerificationCheck {
  @Override
  public List<Check> check(Evidence evidence) {
    String name = CredentialVerifier.PROOF;
    List<VerificationReport> held = evidence.credentials();
    if (held.isEmpty() || !held.stream().allMatch(VerificationReport::ok)) {
      return List.of(
          Check.fail(
              name, "the presentation has no proof and not every credential it holds verifies"));
    }
    evidence.authenticated();
    return List.of(
        Check.pass(
            name,
            "the presentation has no proof (none was asked for); each of its "
                + held.size()
                + " credential(s) verified on its own"));
  }
}
