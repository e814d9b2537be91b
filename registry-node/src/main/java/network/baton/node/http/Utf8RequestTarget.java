package network.baton.node.http;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a request target sent with raw UTF-8 bytes (what {@code curl '.../search?q=電池'} and some
 * clients send, though RFC 3986 §2.1 asks for percent-encoding) as the percent-encoded target it
 * stands for, so {@code ?q=電池} and {@code ?q=%E9%9B%BB%E6%B1%A0} find the same.
 *
 * <p>Netty reads the request line byte by byte as ISO-8859-1, so each UTF-8 byte arrives as one
 * char in U+0080..U+00FF, and every decoder after it (Vert.x query parameters and path parameters
 * decode percent escapes as UTF-8) takes those chars literally. This handler turns the chars back
 * into bytes, decodes them strictly as UTF-8 and, when that works, reroutes the request to the
 * target with those bytes percent-encoded. A target that is not UTF-8 goes on unchanged and {@link
 * RequestTargetCheck} refuses it. Mount before every other handler (rerouting starts routing again,
 * and the handlers before it would run twice).
 */
public final class Utf8RequestTarget implements PlatformHandler {

  private Utf8RequestTarget() {}

  /** The handler. */
  public static Utf8RequestTarget create() {
    return new Utf8RequestTarget();
  }

  @Override
  public void handle(RoutingContext rc) {
    String target = rc.request().uri();
    String encoded = target == null ? null : percentEncoded(target);
    if (encoded == null) {
      rc.next();
      return;
    }
    rc.reroute(rc.request().method(), encoded);
  }

  /**
   * The target with its raw UTF-8 bytes percent-encoded; null when it has none (nothing to do) or
   * when they are not UTF-8 (for {@link RequestTargetCheck} to refuse).
   */
  static String percentEncoded(String target) {
    if (RequestTargetCheck.firstNonAscii(target) < 0) {
      return null;
    }
    StringBuilder out = new StringBuilder(target.length() * 2);
    int i = 0;
    while (i < target.length()) {
      char c = target.charAt(i);
      if (c < 0x80) {
        out.append(c);
        i++;
        continue;
      }
      int end = i;
      while (end < target.length() && target.charAt(end) >= 0x80) {
        if (target.charAt(end) > 0xFF) {
          return null; // not a byte read as ISO-8859-1: leave it to the check
        }
        end++;
      }
      byte[] bytes = target.substring(i, end).getBytes(StandardCharsets.ISO_8859_1);
      if (!isUtf8(bytes)) {
        return null;
      }
      for (byte b : bytes) {
        out.append('%')
            .append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
            .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
      }
      i = end;
    }
    return out.toString();
  }

  private static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
