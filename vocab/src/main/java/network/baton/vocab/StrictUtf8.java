package network.baton.vocab;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text input decoded as UTF-8 with every malformed byte refused, never replaced with U+FFFD (what
 * {@code new String(bytes, UTF_8)} does): a request body or import file that is not UTF-8 is an
 * error naming the byte, not data stored with holes in it.
 */
public final class StrictUtf8 {

  private StrictUtf8() {}

  /** The text of these bytes; fails with {@link NotUtf8Exception} at the first malformed byte. */
  public static String decode(byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int at = in.position();
      throw new NotUtf8Exception(at, bytes[at] & 0xff);
    }
    return out.flip().toString();
  }
}
