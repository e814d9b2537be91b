package network.baton.node.openid4vci;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * What the offer page shows: the course's name, the offer link (for the QR code), when it expires,
 * whether a transaction code is needed, and whether it can still be redeemed. Nothing personal.
 */
public record OfferView(
    String courseName, String link, Instant expires, boolean needsTxCode, boolean open) {
  public OfferView {
    requireNonNull(courseName, "courseName");
    requireNonNull(link, "link");
    requireNonNull(expires, "expires");
  }
}
