package network.baton.credential.integrity;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** What a new Data Integrity proof states besides its value: the key, the time and the purpose. */
public record ProofOptions(String verificationMethod, Instant created, String proofPurpose) {

  /** The purpose an issuer's proof on a credential has. */
  public static final String ASSERTION_METHOD = "assertionMethod";

  /** The purpose a holder's proof on a presentation has. */
  public static final String AUTHENTICATION = "authentication";

  public ProofOptions {
    requireNonNull(verificationMethod, "verificationMethod");
    requireNonNull(created, "created");
    requireNonNull(proofPurpose, "proofPurpose");
    if (!verificationMethod.contains(":")) {
      throw new IllegalArgumentException(
          "verification method must be an absolute IRI: " + verificationMethod);
    }
    if (proofPurpose.isBlank()) {
      throw new IllegalArgumentException("proof purpose must not be blank");
    }
    // XML Schema dateTime without fractions, as the vc-di-eddsa examples write it.
    created = created.truncatedTo(ChronoUnit.SECONDS);
  }

  /** Options for an issuer's assertion proof created now-ish by the caller's clock. */
  public static ProofOptions assertion(String verificationMethod, Instant created) {
    return new ProofOptions(verificationMethod, created, ASSERTION_METHOD);
  }
}
