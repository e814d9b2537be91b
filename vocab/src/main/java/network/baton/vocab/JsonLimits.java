package network.baton.vocab;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Bounds on the shape of a JSON (or JSON-LD) document, checked in one streaming pass before
 * anything builds a tree of it or expands it: nesting depth, values in all, members of one object,
 * elements of one array. The pass keeps one counter per open container, so it costs no more memory
 * than the depth it allows.
 *
 * @param maxDepth most objects and arrays nested in one another
 * @param maxValues most values (objects, arrays, strings, numbers, literals) in the document
 * @param maxKeys most members of one object
 * @param maxArrayLength most elements of one array
 */
public record JsonLimits(int maxDepth, int maxValues, int maxKeys, int maxArrayLength) {

  /** Default nesting depth: a credential with its proof is about a dozen levels deep. */
  public static final int DEFAULT_MAX_DEPTH = 64;

  /** Default number of values: a presentation of several full Open Badges is a few thousand. */
  public static final int DEFAULT_MAX_VALUES = 10_000;

  /** Default members of one object. */
  public static final int DEFAULT_MAX_KEYS = 500;

  /** Default elements of one array (JSON-LD expansion is quadratic in it). */
  public static final int DEFAULT_MAX_ARRAY_LENGTH = 500;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          // The depth is checked here, with a message naming the node's limit; Jackson's own
          // check (1000 by default) would fail first for a configured depth above it.
          .streamReadConstraints(
              StreamReadConstraints.builder().maxNestingDepth(Integer.MAX_VALUE).build())
          .build();

  public JsonLimits {
    if (maxDepth < 1 || maxValues < 1 || maxKeys < 1 || maxArrayLength < 1) {
      throw new IllegalArgumentException(
          "JSON limits must be at least 1: depth "
              + maxDepth
              + ", values "
              + maxValues
              + ", keys "
              + maxKeys
              + ", array length "
              + maxArrayLength);
    }
  }

  /** The defaults above. */
  public static JsonLimits defaults() {
    return new JsonLimits(
        DEFAULT_MAX_DEPTH, DEFAULT_MAX_VALUES, DEFAULT_MAX_KEYS, DEFAULT_MAX_ARRAY_LENGTH);
  }

  /** Only a nesting depth (for trusted files, such as an import, whose size is the operator's). */
  public static JsonLimits depthOnly(int maxDepth) {
    return new JsonLimits(maxDepth, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);
  }

  /**
   * Checks a document; fails with {@link InputLimitException} at the first limit passed. Malformed
   * JSON ends the check quietly: the parser that reads the document next reports it with its
   * position.
   */
  public void check(String json) {
    try (JsonParser parser = FACTORY.createParser(json)) {
      check(parser);
    } catch (IOException e) {
      // malformed: left to the real parser
    }
  }

  /**
   * As {@link #check(String)}, for the bytes of a document (UTF-8 and the other JSON encodings).
   */
  public void check(byte[] json) {
    try (JsonParser parser = FACTORY.createParser(json)) {
      check(parser);
    } catch (IOException e) {
      // malformed: left to the real parser
    }
  }

  private void check(JsonParser parser) throws IOException {
    // One entry per open container: {members or elements so far, 1 for an array}.
    Deque<int[]> open = new ArrayDeque<>();
    long values = 0;
    JsonToken token;
    while ((token = parser.nextToken()) != null) {
      if (token == JsonToken.FIELD_NAME) {
        if (++open.peek()[0] > maxKeys) {
          throw over(InputLimitException.Limit.KEYS, maxKeys, parser);
        }
        continue;
      }
      if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
        open.pop();
        continue;
      }
      if (++values > maxValues) {
        throw over(InputLimitException.Limit.VALUES, maxValues, parser);
      }
      int[] parent = open.peek();
      if (parent != null && parent[1] == 1 && ++parent[0] > maxArrayLength) {
        throw over(InputLimitException.Limit.ARRAY_LENGTH, maxArrayLength, parser);
      }
      if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
        if (open.size() >= maxDepth) {
          throw over(InputLimitException.Limit.NESTING, maxDepth, parser);
        }
        open.push(new int[] {0, token == JsonToken.START_ARRAY ? 1 : 0});
      }
    }
  }

  private static InputLimitException over(
      InputLimitException.Limit limit, int max, JsonParser parser) {
    JsonLocation at = parser.currentTokenLocation();
    return new InputLimitException(limit, max, at.getLineNr(), at.getColumnNr());
  }
}
