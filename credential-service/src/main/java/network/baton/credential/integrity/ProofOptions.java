package network.baton.credential.integrity;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What a new Data Integrity proof states besides its value: the key, the time, the purpose and, for
 * a holder's proof on a presentation, the verifier's {@code challenge} and {@code domain} (null
 * when absent).
 */
public record ProofOptions(
    String verificationMethod,
    Instant created,
    String proofPurpose,
    String challenge,
    String domain) {

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
    if (challenge != null && challenge.isBlank()) {
      throw new IllegalArgumentException("challenge must not be blank");
    }
    if (domain != null && domain.isBlank()) {
      throw new IllegalArgumentException("domain must not be blank");
    }
    // XML Schema dateTime without fractions, as the vc-di-eddsa examples write it.
    created = created.truncatedTo(ChronoUnit.SECONDS);
  }

  /** Options without challenge and domain. */
  public ProofOptions(String verificationMethod, Instant created, String proofPurpose) {
    this(verificationMethod, created, proofPurpose, null, null);
  }

  /** Options for an issuer's assertion proof created now-ish by the caller's clock. */
  public static ProofOptions assertion(String verificationMethod, Instant created) {
    return new ProofOptions(verificationMethod, created, ASSERTION_METHOD);
  }

  /** Options for a holder's authentication proof on a presentation for one verifier. */
  public static ProofOptions authentication(
      String verificationMethod, Instant created, String challenge, String domain) {
    requireNonNull(challenge, "challenge");
    requireNonNull(domain, "domain");
    return new ProofOptions(verificationMethod, created, AUTHENTICATION, challenge, domain);
  }
}
