package network.baton.credential.sdjwt;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import network.baton.credential.status.StatusListException;
import network.baton.credential.status.StatusListFetcher;
import network.baton.credential.verify.KeySelector;

/**
 * Other issuers' Token Status Lists: the status list token fetched by URI (through the node's fetch
 * policy: public https, size and time limits), verified ({@link StatusListToken#verify}: signature
 * by a key of the credential's issuer, {@code sub} the URI, not expired) and cached for the
 * configured time (as the node's Bitstring lists of others are), so a revocation there is seen at
 * most that late. Thread-safe.
 */
public final class FetchedTokenStatusLists implements TokenStatusSource {
  private record Cached(TokenStatusList list, String issuer, Instant fetchedAt) {}

  private final StatusListFetcher fetcher;
  private final KeySelector keys;
  private final Clock clock;
  private final Duration ttl;
  private final int maxBytes;
  private final Map<URI, Cached> cache = new ConcurrentHashMap<>();

  /** Tokens fetched by {@code fetcher}, their keys found by {@code keys}, kept for {@code ttl}. */
  public FetchedTokenStatusLists(
      StatusListFetcher fetcher, KeySelector keys, Clock clock, Duration ttl, int maxBytes) {
    this.fetcher = requireNonNull(fetcher, "fetcher");
    this.keys = requireNonNull(keys, "keys");
    this.clock = requireNonNull(clock, "clock");
    this.ttl = requireNonNull(ttl, "ttl");
    this.maxBytes = maxBytes;
  }

  @Override
  public TokenStatusList list(URI uri, String issuerDid) throws IOException, StatusListException {
    Instant now = clock.instant();
    Cached cached = cache.get(uri);
    if (cached != null
        && cached.issuer().equals(issuerDid)
        && now.isBefore(cached.fetchedAt().plus(ttl))) {
      return cached.list();
    }
    String token = fetcher.fetch(uri);
    if (token == null) throw new IOException("empty answer");
    TokenStatusList list = StatusListToken.verify(token, uri, issuerDid, keys, clock, maxBytes);
    cache.put(uri, new Cached(list, issuerDid, now));
    return list;
  }
}
