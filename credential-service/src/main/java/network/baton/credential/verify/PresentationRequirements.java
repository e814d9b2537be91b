package network.baton.credential.verify;

import static java.util.Objects.requireNonNull;

/**
 * What a verifier requires of a presentation made for it: the nonce check and the domain (audience:
 * its DID or URL) the presentation must name.
 */
public record PresentationRequirements(NonceCheck nonce, String domain) {
  public PresentationRequirements {
    requireNonNull(nonce, "nonce");
    requireNonNull(domain, "domain");
    if (domain.isBlank()) throw new IllegalArgumentException("domain must not be blank");
  }
}
