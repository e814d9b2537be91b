package network.baton.credential.did;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Limits for fetching did:web documents: a deadline for the whole fetch, the largest body accepted,
 * and how long a document is cached. Where a document may be fetched from is the {@link
 * network.baton.credential.fetch.FetchPolicy}'s to say.
 */
public record DidWebOptions(Duration timeout, int maxBodyBytes, Duration cacheTtl, int cacheSize) {
  public DidWebOptions {
    requireNonNull(timeout, "timeout");
    requireNonNull(cacheTtl, "cacheTtl");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
    if (maxBodyBytes <= 0) throw new IllegalArgumentException("maxBodyBytes must be positive");
    if (cacheTtl.isNegative()) throw new IllegalArgumentException("cacheTtl must not be negative");
    if (cacheSize < 0) throw new IllegalArgumentException("cacheSize must not be negative");
  }

  /** 5 s, 64 KiB, cached for 5 minutes. */
  public static DidWebOptions defaults() {
    return new DidWebOptions(Duration.ofSeconds(5), 64 * 1024, Duration.ofMinutes(5), 1000);
  }

  /** The same limits with another deadline. */
  public DidWebOptions withTimeout(Duration newTimeout) {
    return new DidWebOptions(newTimeout, maxBodyBytes, cacheTtl, cacheSize);
  }
}
