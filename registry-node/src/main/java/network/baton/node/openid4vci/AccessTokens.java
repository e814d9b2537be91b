package network.baton.node.openid4vci;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The access tokens the token endpoint handed out, in memory by the SHA-256 of the token: each
 * bound to one redeemed offer (its course and the configurations it offered), good for one
 * credential of each of those configurations, for {@code lifetime}; a token is dropped when its
 * last credential is issued, when it expires, or after {@link #MAX_FAILURES} refused credential
 * requests. At most {@code max} tokens live at a time. A restart forgets them (the wallet's token
 * then fails with invalid_token). Thread-safe.
 */
public final class AccessTokens {

  /** Refused credential requests after which a token is dropped. */
  public static final int MAX_FAILURES = 5;

  /** What a token grants: credentials of the offer's course, one per configuration left. */
  public record Grant(String offerId, String courseIri, Set<String> left, Instant expires) {
    public Grant {
      requireNonNull(offerId, "offerId");
      requireNonNull(courseIri, "courseIri");
      left = Set.copyOf(left);
      requireNonNull(expires, "expires");
    }
  }

  private static final class Held {
    final String offerId;
    final String courseIri;
    final Set<String> left;
    final Instant expires;
    int failures;

    Held(String offerId, String courseIri, List<String> configurations, Instant expires) {
      this.offerId = offerId;
      this.courseIri = courseIri;
      this.left = new LinkedHashSet<>(configurations);
      this.expires = expires;
    }

    Grant grant() {
      return new Grant(offerId, courseIri, left, expires);
    }
  }

  private final Clock clock;
  private final Duration lifetime;
  private final int max;
  private final Map<String, Held> byHash = new HashMap<>();

  /** Tokens valid for {@code lifetime}, at most {@code max} at a time. */
  public AccessTokens(Clock clock, Duration lifetime, int max) {
    this.clock = requireNonNull(clock, "clock");
    this.lifetime = requireNonNull(lifetime, "lifetime");
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("token lifetime must be positive");
    }
    if (max < 1) throw new IllegalArgumentException("max must be positive");
    this.max = max;
  }

  /** How long a new token lives. */
  public Duration lifetime() {
    return lifetime;
  }

  /** Whether a new token fits (expired ones are dropped first). */
  public synchronized boolean hasRoom() {
    dropExpired();
    return byHash.size() < max;
  }

  /** Holds a token, by its hash, for an offer just redeemed. */
  public synchronized Grant hold(String tokenHash, StoredOffer offer) {
    dropExpired();
    if (byHash.size() >= max) throw OAuthError.temporarilyUnavailable("too many tokens live");
    Held held =
        new Held(
            offer.id(),
            offer.courseIri(),
            offer.configurationIds(),
            clock.instant().plus(lifetime));
    byHash.put(tokenHash, held);
    return held.grant();
  }

  /** What the token grants now; fails with invalid_token for an unknown or expired one. */
  public synchronized Grant grant(String tokenHash) {
    Held held = byHash.get(tokenHash);
    if (held == null) {
      throw OAuthError.invalidToken("the access token is unknown or used up");
    }
    if (!clock.instant().isBefore(held.expires)) {
      byHash.remove(tokenHash);
      throw OAuthError.invalidToken("the access token has expired");
    }
    return held.grant();
  }

  /**
   * Takes one credential of this configuration off the token (false when it had none left, e.g.
   * another request took it first); the token goes when nothing is left.
   */
  public synchronized boolean take(String tokenHash, String configurationId) {
    Held held = byHash.get(tokenHash);
    if (held == null || !held.left.remove(configurationId)) return false;
    if (held.left.isEmpty()) byHash.remove(tokenHash);
    return true;
  }

  /** Counts a refused credential request; the token goes after {@link #MAX_FAILURES}. */
  public synchronized void failed(String tokenHash) {
    Held held = byHash.get(tokenHash);
    if (held != null && ++held.failures >= MAX_FAILURES) byHash.remove(tokenHash);
  }

  private void dropExpired() {
    Instant now = clock.instant();
    for (Iterator<Held> it = byHash.values().iterator(); it.hasNext(); ) {
      if (!now.isBefore(it.next().expires)) it.remove();
    }
  }
}
