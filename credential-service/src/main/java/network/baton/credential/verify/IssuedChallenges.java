package network.baton.credential.verify;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Challenges this verifier handed out (the W3C VC API's {@code POST /challenges}): 32 random bytes,
 * base64url, each bound to a domain, accepted once before it expires. Held in memory, at most
 * {@code maxOutstanding} at a time (the oldest are dropped first, so a flood of requests costs
 * bounded memory); a restart forgets them, and a holder then asks for a new one. Thread-safe.
 */
public final class IssuedChallenges {
  /** How a presented challenge was found. */
  public enum Outcome {
    ACCEPTED,
    UNKNOWN,
    EXPIRED,
    USED
  }

  /** The outcome of redeeming a challenge, with the challenge when this verifier issued it. */
  public record Redemption(Outcome outcome, String value, Challenge challenge) {
    public Redemption {
      requireNonNull(outcome, "outcome");
      requireNonNull(value, "value");
    }

    /**
     * The report's nonce check: the presentation must carry this very challenge, which must have
     * been accepted here; {@code domain} (null: none asked) must be the challenge's domain.
     */
    public NonceCheck nonceCheck(String domain) {
      return presented -> {
        String name = PresentationVerifier.NONCE;
        Check issued =
            switch (outcome) {
              case UNKNOWN ->
                  Check.fail(name, "challenge " + value + " was not issued by this verifier");
              case EXPIRED -> Check.fail(name, "challenge expired at " + challenge.expires());
              case USED ->
                  Check.fail(name, "challenge was already used: this presentation is a replay");
              case ACCEPTED -> null;
            };
        if (issued != null) return issued;
        if (domain != null && !domain.equals(challenge.domain())) {
          return Check.fail(
              name,
              "challenge was issued for the domain " + challenge.domain() + ", not " + domain);
        }
        if (presented == null) return Check.fail(name, "presentation has no challenge");
        if (!presented.equals(value)) {
          return Check.fail(
              name, "presentation carries the challenge " + presented + ", not " + value);
        }
        return Check.pass(name, "challenge issued here, unexpired, used once");
      };
    }
  }

  private static final int BYTES = 32;

  private final SecureRandom random;
  private final Clock clock;
  private final Duration lifetime;
  private final Cache<String, Challenge> outstanding;
  private final Cache<String, Challenge> redeemed;

  /** Challenges valid for {@code lifetime}, at most {@code maxOutstanding} remembered at a time. */
  public IssuedChallenges(
      SecureRandom random, Clock clock, Duration lifetime, long maxOutstanding) {
    this.random = requireNonNull(random, "random");
    this.clock = requireNonNull(clock, "clock");
    this.lifetime = requireNonNull(lifetime, "lifetime");
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("challenge lifetime must be positive");
    }
    if (maxOutstanding < 1) throw new IllegalArgumentException("maxOutstanding must be positive");
    // Kept twice the lifetime so an expired challenge is reported as expired, not unknown.
    this.outstanding =
        Caffeine.newBuilder()
            .expireAfterWrite(lifetime.multipliedBy(2))
            .maximumSize(maxOutstanding)
            .build();
    this.redeemed =
        Caffeine.newBuilder()
            .expireAfterWrite(lifetime.multipliedBy(2))
            .maximumSize(maxOutstanding)
            .build();
  }

  /** The lifetime of a new challenge. */
  public Duration lifetime() {
    return lifetime;
  }

  /** A new challenge for a presentation to {@code domain}. */
  public Challenge issue(String domain) {
    byte[] bytes = new byte[BYTES];
    random.nextBytes(bytes);
    String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Challenge challenge = new Challenge(value, domain, clock.instant().plus(lifetime));
    outstanding.put(value, challenge);
    return challenge;
  }

  /** Takes the challenge out of the outstanding ones: it is accepted at most once. */
  public Redemption redeem(String value) {
    requireNonNull(value, "value");
    Challenge challenge = outstanding.asMap().remove(value);
    if (challenge == null) {
      Challenge used = redeemed.getIfPresent(value);
      return used == null
          ? new Redemption(Outcome.UNKNOWN, value, null)
          : new Redemption(Outcome.USED, value, used);
    }
    redeemed.put(value, challenge);
    Instant now = clock.instant();
    return now.isBefore(challenge.expires())
        ? new Redemption(Outcome.ACCEPTED, value, challenge)
        : new Redemption(Outcome.EXPIRED, value, challenge);
  }
}
