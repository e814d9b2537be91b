package network.baton.credential.verify;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A challenge a verifier handed out: the nonce a presentation must carry, the domain (audience) it
 * must be made for, and when it stops being accepted.
 */
public record Challenge(String value, String domain, Instant expires) {
  public Challenge {
    requireNonNull(value, "value");
    requireNonNull(domain, "domain");
    requireNonNull(expires, "expires");
    if (value.isBlank()) throw new IllegalArgumentException("challenge must not be blank");
    if (domain.isBlank()) throw new IllegalArgumentException("domain must not be blank");
  }
}
