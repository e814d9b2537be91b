package network.baton.credential.status;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Status lists of other issuers: fetched by URL, their proof or JWS verified, decoded, and cached
 * for a time-to-live (a revocation there is seen at most that late); a list fetched again with the
 * very same body is not verified and decoded again. Thread-safe.
 */
public final class FetchedStatusLists implements StatusListSource {
  private record Cached(StatusListCredential list, Instant fetchedAt, String body) {}

  private final StatusListFetcher fetcher;
  private final StatusListVerifier verifier;
  private final Clock clock;
  private final Duration ttl;
  private final int maxListSize;
  private final Map<URI, Cached> cache = new ConcurrentHashMap<>();

  /** Lists fetched by {@code fetcher}, verified by {@code verifier}, kept for {@code ttl}. */
  public FetchedStatusLists(
      StatusListFetcher fetcher,
      StatusListVerifier verifier,
      Clock clock,
      Duration ttl,
      int maxListSize) {
    this.fetcher = requireNonNull(fetcher, "fetcher");
    this.verifier = requireNonNull(verifier, "verifier");
    this.clock = requireNonNull(clock, "clock");
    this.ttl = requireNonNull(ttl, "ttl");
    this.maxListSize = maxListSize;
  }

  @Override
  public StatusListCredential list(URI url) throws IOException, StatusListException {
    Instant now = clock.instant();
    Cached cached = cache.get(url);
    if (cached != null && now.isBefore(cached.fetchedAt().plus(ttl))) return cached.list();
    String body = fetcher.fetch(url);
    if (body == null) throw new IOException("empty answer");
    StatusListCredential list =
        cached != null && cached.body().equals(body)
            // The very list checked before: its proof and bits were already checked and decoded.
            ? cached.list()
            : StatusListCredential.fromJson(verifier.verify(body), maxListSize);
    cache.put(url, new Cached(list, now, body));
    return list;
  }
}
