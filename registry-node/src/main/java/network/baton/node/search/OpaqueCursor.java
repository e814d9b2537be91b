package network.baton.node.search;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Function;

/**
 * The opaque form in which a cursor goes to clients and comes back: its JSON, base64url without
 * padding. Local and federated search cursors both travel so.
 */
public final class OpaqueCursor {

  private OpaqueCursor() {}

  /** The opaque text of a cursor's JSON. */
  public static String encode(JsonObject json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.encode().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The cursor read by {@code read} from the JSON in {@code encoded}; text that is not base64url,
   * not a JSON object, or JSON that {@code read} refuses (a missing or mistyped field, a value its
   * record does not accept) fails with {@link InvalidSearchQuery}.
   */
  public static <T> T decode(String encoded, Function<JsonObject, T> read) {
    try {
      byte[] bytes = Base64.getUrlDecoder().decode(encoded);
      return read.apply(new JsonObject(new String(bytes, StandardCharsets.UTF_8)));
    } catch (IllegalArgumentException
        | NullPointerException
        | DecodeException
        | ClassCastException e) {
      throw new InvalidSearchQuery("cursor is malformed: use the nextCursor of a previous page");
    }
  }
}
