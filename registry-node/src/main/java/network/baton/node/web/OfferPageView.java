package network.baton.node.web;

import static java.util.Objects.requireNonNull;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import network.baton.node.openid4vci.OfferView;

/**
 * The offer page's model: the course, the link and its QR code, and the expiry in the reader's
 * language and time zone (Japan Standard Time for Japanese, UTC for English).
 */
public record OfferPageView(
    String courseName,
    String link,
    QrCodeSvg qr,
    String expires,
    boolean needsTxCode,
    boolean open) {
  private static final DateTimeFormatter JA =
      DateTimeFormatter.ofPattern("uuuu年M月d日 H時mm分 (日本時間)", Locale.JAPANESE)
          .withZone(ZoneId.of("Asia/Tokyo"));
  private static final DateTimeFormatter EN =
      DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm 'UTC'", Locale.ENGLISH)
          .withZone(ZoneId.of("UTC"));

  public OfferPageView {
    requireNonNull(courseName, "courseName");
    requireNonNull(link, "link");
    requireNonNull(qr, "qr");
    requireNonNull(expires, "expires");
  }

  /** The page's view of an offer in this language. */
  public static OfferPageView of(OfferView offer, PageLanguage language) {
    return new OfferPageView(
        offer.courseName(),
        offer.link(),
        QrCodeSvg.of(offer.link()),
        (language == PageLanguage.JA ? JA : EN).format(offer.expires()),
        offer.needsTxCode(),
        offer.open());
  }
}
