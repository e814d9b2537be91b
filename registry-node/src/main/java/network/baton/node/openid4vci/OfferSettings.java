package network.baton.node.openid4vci;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The limits of the node's OpenID4VCI issuance: how long an offer lasts by default and at most (a
 * request may ask for less or more up to the maximum), how many offers may be open, how long an
 * access token and a {@code c_nonce} live, how old a key proof's {@code iat} may be, and how many
 * wrong transaction codes void an offer.
 */
public record OfferSettings(
    Duration offerLifetime,
    Duration maxOfferLifetime,
    int maxOpenOffers,
    Duration tokenLifetime,
    Duration nonceLifetime,
    Duration proofMaxAge,
    int maxWrongTxCodes) {
  public OfferSettings {
    requireNonNull(offerLifetime, "offerLifetime");
    requireNonNull(maxOfferLifetime, "maxOfferLifetime");
    requireNonNull(tokenLifetime, "tokenLifetime");
    requireNonNull(nonceLifetime, "nonceLifetime");
    requireNonNull(proofMaxAge, "proofMaxAge");
    if (offerLifetime.isNegative() || offerLifetime.isZero()) {
      throw new IllegalArgumentException("offer lifetime must be positive");
    }
    if (maxOfferLifetime.compareTo(offerLifetime) < 0) {
      throw new IllegalArgumentException("the longest offer lifetime is below the default");
    }
    if (maxOpenOffers < 1 || maxWrongTxCodes < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  /**
   * Offers for ten minutes by default, a week at most, a thousand open; tokens and nonces for five
   * minutes; proofs made in the last five minutes; five wrong transaction codes.
   */
  public static OfferSettings defaults() {
    return new OfferSettings(
        Duration.ofMinutes(10),
        Duration.ofDays(7),
        1_000,
        Duration.ofMinutes(5),
        Duration.ofMinutes(5),
        Duration.ofMinutes(5),
        5);
  }
}
