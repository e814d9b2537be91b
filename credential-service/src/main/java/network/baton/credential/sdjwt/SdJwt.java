package network.baton.credential.sdjwt;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An SD-JWT in its compact form (RFC 9901): the issuer-signed JWT, the disclosures, and for a
 * presentation with key binding the KB-JWT, joined by {@code ~} ({@code <JWT>~<D1>~...~<Dn>~} or
 * {@code <JWT>~<D1>~...~<Dn>~<KB-JWT>}). Parsing checks only the shape and size, before any
 * cryptography; what the parts mean is for the verification checks.
 */
public record SdJwt(String issuerJwt, List<String> disclosures, String keyBinding) {
  /** The largest SD-JWT accepted: 1 MiB, as for a compact JWS. */
  public static final int MAX_CHARS = 1 << 20;

  /** The most disclosures accepted in one SD-JWT. */
  public static final int MAX_DISCLOSURES = 1000;

  private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");
  private static final Pattern JWS =
      Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*");

  public SdJwt {
    requireNonNull(issuerJwt, "issuerJwt");
    disclosures = List.copyOf(disclosures);
    if (keyBinding != null && keyBinding.isEmpty()) keyBinding = null;
  }

  /**
   * Whether a text looks like an SD-JWT (a JWS followed by {@code ~}): what format dispatch asks.
   */
  public static boolean looksLike(String text) {
    if (text == null) return false;
    int tilde = text.indexOf('~');
    return tilde > 0 && text.substring(0, tilde).strip().chars().filter(c -> c == '.').count() == 2;
  }

  /** Parses the compact form, or fails with a {@link FormatException} saying what is wrong. */
  public static SdJwt parse(String text) {
    if (text == null || text.isBlank()) throw new FormatException("no SD-JWT given");
    String compact = text.strip();
    if (compact.length() > MAX_CHARS) {
      throw new FormatException(
          "SD-JWT is " + compact.length() + " characters, more than the limit of " + MAX_CHARS);
    }
    if (compact.indexOf('~') < 0) {
      throw new FormatException("not an SD-JWT: no '~' after the issuer-signed JWT");
    }
    String[] parts = compact.split("~", -1);
    if (parts.length - 2 > MAX_DISCLOSURES) {
      throw new FormatException(
          "SD-JWT has " + (parts.length - 2) + " disclosures, more than " + MAX_DISCLOSURES);
    }
    if (!JWS.matcher(parts[0]).matches()) {
      throw new FormatException("the issuer-signed JWT is not a compact JWS of base64url parts");
    }
    List<String> disclosures = new ArrayList<>();
    for (int i = 1; i < parts.length - 1; i++) {
      if (!BASE64URL.matcher(parts[i]).matches() || parts[i].length() % 4 == 1) {
        throw new FormatException(
            "disclosure " + i + " is not base64url" + (parts[i].isEmpty() ? " (empty: '~~')" : ""));
      }
      disclosures.add(parts[i]);
    }
    String last = parts[parts.length - 1];
    if (!last.isEmpty() && !JWS.matcher(last).matches()) {
      throw new FormatException(
          "the part after the last '~' must be empty or a key binding JWT (a compact JWS)");
    }
    return new SdJwt(parts[0], disclosures, last.isEmpty() ? null : last);
  }

  /** The same SD-JWT with only these disclosures and no key binding (what a holder presents). */
  public SdJwt withDisclosures(List<String> chosen) {
    return new SdJwt(issuerJwt, chosen, null);
  }

  /** The same SD-JWT ending with this KB-JWT. */
  public SdJwt withKeyBinding(String kbJwt) {
    return new SdJwt(issuerJwt, disclosures, requireNonNull(kbJwt, "kbJwt"));
  }

  /**
   * The SD-JWT without its KB-JWT, ending with {@code ~}: what the KB-JWT's {@code sd_hash} is
   * computed over.
   */
  public String withoutKeyBinding() {
    StringBuilder out = new StringBuilder(issuerJwt).append('~');
    for (String disclosure : disclosures) out.append(disclosure).append('~');
    return out.toString();
  }

  /** base64url(SHA-256(US-ASCII of {@link #withoutKeyBinding()})): the expected {@code sd_hash}. */
  public String sdHash() {
    return sha256(withoutKeyBinding());
  }

  /** The compact form. */
  @Override
  public String toString() {
    return keyBinding == null ? withoutKeyBinding() : withoutKeyBinding() + keyBinding;
  }

  static String sha256(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }

  /** The input is not an SD-JWT in compact form. */
  public static final class FormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    FormatException(String message) {
      super(message);
    }
  }
}
