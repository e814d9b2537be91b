package network.baton.node.http;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import network.baton.credential.http.Problem;
import network.baton.vocab.NotUtf8Exception;
import network.baton.vocab.StrictUtf8;

/**
 * An {@code application/x-www-form-urlencoded} body read from its bytes, strictly: names and values
 * must be UTF-8 once their {@code %XX} escapes are decoded, where Vert.x's form attributes put
 * U+FFFD in place of bytes that are not. A bad byte is refused with its offset in the body.
 */
public final class FormBody {

  private FormBody() {}

  /** The fields of a form body (none for an empty or missing body), in order. */
  public static MultiMap parse(Buffer body) {
    MultiMap fields = MultiMap.caseInsensitiveMultiMap();
    if (body == null || body.length() == 0) {
      return fields;
    }
    byte[] bytes = body.getBytes();
    int start = 0;
    while (start <= bytes.length) {
      int end = indexOf(bytes, (byte) '&', start, bytes.length);
      int equals = indexOf(bytes, (byte) '=', start, end);
      if (end > start) {
        String name = decode(bytes, start, equals);
        String value = equals < end ? decode(bytes, equals + 1, end) : "";
        fields.add(name, value);
      }
      start = end + 1;
    }
    return fields;
  }

  private static int indexOf(byte[] bytes, byte wanted, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    return to;
  }

  // Decodes bytes[from, to): '+' is a space, %XX a byte; the result must be UTF-8. Each decoded
  // byte remembers where it came from, so an error names the offset in the body.
  private static String decode(byte[] bytes, int from, int to) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
    int[] source = new int[to - from];
    int i = from;
    while (i < to) {
      byte b = bytes[i];
      source[out.size()] = i;
      if (b == '+') {
        out.write(' ');
        i++;
      } else if (b == '%') {
        int high = i + 1 < to ? Character.digit(bytes[i + 1], 16) : -1;
        int low = i + 2 < to ? Character.digit(bytes[i + 2], 16) : -1;
        if (high < 0 || low < 0) {
          throw Problem.badRequest(
              "the form has a '%' at byte " + i + " that is not followed by two hex digits");
        }
        out.write(high * 16 + low);
        i += 3;
      } else {
        out.write(b);
        i++;
      }
    }
    byte[] decoded = out.toByteArray();
    try {
      return StrictUtf8.decode(decoded);
    } catch (NotUtf8Exception e) {
      int at = (int) e.byteOffset();
      throw new NotUtf8Exception(source[at], decoded[at] & 0xff);
    }
  }
}
