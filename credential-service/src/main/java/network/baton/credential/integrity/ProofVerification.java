package network.baton.credential.integrity;

import static java.util.Objects.requireNonNull;

/**
 * The outcome of checking a Data Integrity proof: valid or not, with the verification method it
 * named (so the caller can check the key belongs to the issuer) and a reason in plain words.
 */
public record ProofVerification(boolean valid, String verificationMethod, String reason) {

  public ProofVerification {
    requireNonNull(reason, "reason");
    verificationMethod = verificationMethod == null ? "" : verificationMethod;
  }

  /** A proof that verified with the key of the given verification method. */
  public static ProofVerification valid(String verificationMethod) {
    return new ProofVerification(true, verificationMethod, "eddsa-rdfc-2022 proof verified");
  }

  /** A proof that did not verify, with the reason. */
  public static ProofVerification invalid(String verificationMethod, String reason) {
    return new ProofVerification(false, verificationMethod, reason);
  }
}
