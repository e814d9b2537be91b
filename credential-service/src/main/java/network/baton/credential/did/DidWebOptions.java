package network.baton.credential.did;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Limits for fetching did:web documents: a deadline for the whole fetch, the largest body accepted,
 * whether plain http is allowed for loopback hosts (tests, local demo), and how long a document is
 * cached.
 */
public record DidWebOptions(
    Duration timeout,
    int maxBodyBytes,
    boolean allowLoopbackHttp,
    Duration cacheTtl,
    int cacheSize) {
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

  /** HTTPS only, 5 s, 64 KiB, cached for 5 minutes. */
  public static DidWebOptions defaults() {
    return new DidWebOptions(Duration.ofSeconds(5), 64 * 1024, false, Duration.ofMinutes(5), 1000);
  }

  /** The same limits with plain http allowed (or not) for loopback hosts. */
  public DidWebOptions withLoopbackHttp(boolean allow) {
    return new DidWebOptions(timeout, maxBodyBytes, allow, cacheTtl, cacheSize);
  }

  /** The same limits with another deadline. */
  public DidWebOptions withTimeout(Duration newTimeout) {
    return new DidWebOptions(newTimeout, maxBodyBytes, allowLoopbackHttp, cacheTtl, cacheSize);
  }
}
