package network.baton.credential.verify;

import static java.util.Objects.requireNonNull;

/**
 * What a verifier requires of a presentation made for it: the nonce check (null: no challenge was
 * asked), the domain (audience: its DID or URL) the presentation must name (null: none asked), and
 * whether each credential held must be about the presenting holder ({@code holderBinding}, a
 * business rule the VC API leaves to the caller). A presentation without a proof is verified for
 * its credentials only when none of the three is asked ({@link #allowsUnsecured()}).
 */
public record PresentationRequirements(NonceCheck nonce, String domain, boolean holderBinding) {
  public PresentationRequirements {
    if (domain != null && domain.isBlank()) {
      throw new IllegalArgumentException("domain must not be blank");
    }
  }

  /** A challenge and a domain, with holder binding (what the node's pages ask). */
  public PresentationRequirements(NonceCheck nonce, String domain) {
    this(requireNonNull(nonce, "nonce"), requireNonNull(domain, "domain"), true);
  }

  /** Whether a presentation without a proof can satisfy these requirements. */
  public boolean allowsUnsecured() {
    return nonce == null && domain == null && !holderBinding;
  }
}
