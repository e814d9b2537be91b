package network.baton.credential.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.DatabindCodec;
import java.util.Map;

/**
 * Between the two JSON trees of the code base without writing text: Vert.x {@link JsonObject} is
 * the HTTP edge's model (routes, pages, problems), Jackson's {@link JsonNode} the credential core's
 * (documents, proofs). Converted value by value in memory, never encoded and parsed again.
 */
public final class JsonTrees {

  private static final ObjectMapper MAPPER = DatabindCodec.mapper();

  private JsonTrees() {}

  /** The Jackson tree of a Vert.x object. */
  public static JsonNode toTree(JsonObject json) {
    return MAPPER.valueToTree(json);
  }

  /** The Vert.x object of a Jackson object node. */
  @SuppressWarnings("unchecked")
  public static JsonObject toJsonObject(JsonNode node) {
    if (!node.isObject()) {
      throw new IllegalArgumentException("not a JSON object: " + node.getNodeType());
    }
    return new JsonObject(MAPPER.convertValue(node, Map.class));
  }
}
