package network.baton.credential.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * A compact JWS taken apart before any cryptography: size limit first, then three base64url parts,
 * then a JSON object header and payload (duplicate member names refused).
 */
public record CompactJws(String text, JsonNode header, JsonNode payload) {
  /** The largest JWS accepted: 1 MiB. */
  public static final int MAX_CHARS = 1 << 20;

  private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]*");

  /** A JSON reader that refuses duplicate member names (they make a signed object ambiguous). */
  public static ObjectMapper strictJson() {
    return JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  }

  /** Parses the text, or fails with a {@link FormatException} saying what is wrong. */
  public static CompactJws parse(String text, ObjectMapper mapper) {
    if (text == null || text.isBlank()) throw new FormatException("no JWS given");
    String jws = text.strip();
    if (jws.length() > MAX_CHARS) {
      throw new FormatException(
          "JWS is " + jws.length() + " characters, more than the limit of " + MAX_CHARS);
    }
    String[] parts = jws.split("\\.", -1);
    if (parts.length != 3) {
      throw new FormatException(
          "not a compact JWS: expected 3 parts separated by '.', found " + parts.length);
    }
    String[] names = {"header", "payload", "signature"};
    byte[][] decoded = new byte[3][];
    for (int i = 0; i < 3; i++) {
      if (!BASE64URL.matcher(parts[i]).matches() || parts[i].length() % 4 == 1) {
        throw new FormatException("JWS " + names[i] + " is not valid base64url");
      }
      decoded[i] = Base64.getUrlDecoder().decode(parts[i]);
    }
    return new CompactJws(
        jws, json(mapper, decoded[0], "header"), json(mapper, decoded[1], "payload"));
  }

  private static JsonNode json(ObjectMapper mapper, byte[] bytes, String what) {
    JsonNode node;
    try {
      node = mapper.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw new FormatException("JWS " + what + " is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new FormatException("JWS " + what + " cannot be read: " + e.getMessage());
    }
    if (node == null || !node.isObject()) {
      throw new FormatException("JWS " + what + " is not a JSON object");
    }
    return node;
  }

  /** The input is not a well-formed compact JWS. */
  public static final class FormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    FormatException(String message) {
      super(message);
    }
  }
}
