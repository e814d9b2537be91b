package network.baton.node.web;

import static java.util.Objects.requireNonNull;

import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code of a text (Nayuki's QR Code generator, error correction level M) as the parts of an
 * inline SVG: the view box (the symbol with a four-module quiet zone) and one path of unit squares,
 * one per dark module. The page template writes the {@code <svg>} with these as attributes, so the
 * engine escapes them and no markup is built here.
 */
public record QrCodeSvg(int size, String path) {
  private static final int QUIET_ZONE = 4;

  public QrCodeSvg {
    requireNonNull(path, "path");
  }

  /** The QR code of {@code text}; fails when the text is too long for any QR code. */
  public static QrCodeSvg of(String text) {
    QrCode qr = QrCode.encodeText(requireNonNull(text, "text"), QrCode.Ecc.MEDIUM);
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < qr.size; y++) {
      for (int x = 0; x < qr.size; x++) {
        if (qr.getModule(x, y)) {
          path.append('M').append(x + QUIET_ZONE).append(',').append(y + QUIET_ZONE);
          path.append("h1v1h-1z");
        }
      }
    }
    return new QrCodeSvg(qr.size + 2 * QUIET_ZONE, path.toString());
  }

  /** The SVG {@code viewBox}. */
  public String viewBox() {
    return "0 0 " + size + " " + size;
  }
}
