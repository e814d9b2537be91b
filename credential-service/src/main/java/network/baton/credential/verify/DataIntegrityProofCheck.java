package network.baton.credential.verify;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import network.baton.credential.did.DidResolver;
import network.baton.credential.integrity.DidVerificationKeys;
import network.baton.credential.integrity.EddsaRdfc2022;
import network.baton.credential.integrity.ProofOptions;
import network.baton.credential.integrity.ProofVerification;

/**
 * The proof gate of a Data Integrity pipeline ({@code eddsa-rdfc-2022}): the proof verifies with a
 * key of the issuer listed for assertion (credentials) or of the holder listed for authentication
 * (presentations), reported as the {@code key} and {@code signature} checks; a failed proof is one
 * failed {@code signature} check.
 */
public final class DataIntegrityProofCheck implements VerificationCheck {
  private final EddsaRdfc2022 suite;
  private final DidResolver resolver;
  private final KeyPurpose purpose;

  /** A gate verifying proofs for {@code purpose} with keys from {@code resolver}. */
  public DataIntegrityProofCheck(EddsaRdfc2022 suite, DidResolver resolver, KeyPurpose purpose) {
    this.suite = requireNonNull(suite, "suite");
    this.resolver = requireNonNull(resolver, "resolver");
    this.purpose = requireNonNull(purpose, "purpose");
  }

  @Override
  public List<Check> check(Evidence evidence) {
    boolean assertion = purpose == KeyPurpose.ASSERTION;
    ProofVerification proof =
        assertion
            ? suite.verify(
                evidence.text(),
                DidVerificationKeys.assertion(resolver).controlledBy(evidence.issuer()))
            : suite.verify(
                evidence.text(),
                DidVerificationKeys.authentication(resolver).controlledBy(evidence.subject()),
                ProofOptions.AUTHENTICATION);
    List<Check> checks = new ArrayList<>();
    if (!proof.valid()) {
      checks.add(Check.fail(CredentialVerifier.SIGNATURE, proof.reason()));
      return checks;
    }
    evidence.authenticated();
    checks.add(
        Check.pass(
            CredentialVerifier.KEY,
            "key "
                + proof.verificationMethod()
                + (assertion
                    ? " is an assertion method of the issuer"
                    : " authenticates the holder")));
    checks.add(Check.pass(CredentialVerifier.SIGNATURE, proof.reason()));
    return checks;
  }
}
