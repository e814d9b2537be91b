package network.baton.node.federation.search;

import static java.util.Objects.requireNonNull;

import io.vertx.core.json.JsonObject;

/**
 * One member's part in a federated answer.
 *
 * <p>JSON: {@code {"did", "name", "status": "ok|timeout|error|skipped", "latencyMs", "count",
 * "error"?}}; {@code count} is how many hits (or solutions) the member gave for this request,
 * {@code error} says why a member is not ok.
 */
public record MemberStatus(
    String did, String name, MemberState state, long latencyMs, long count, String error) {

  public MemberStatus {
    requireNonNull(did, "did");
    name = name == null ? "" : name;
    requireNonNull(state, "state");
    if (latencyMs < 0 || count < 0) {
      throw new IllegalArgumentException("latency and count must not be negative");
    }
    if (state != MemberState.OK && (error == null || error.isBlank())) {
      throw new IllegalArgumentException("a member that is not ok needs a reason");
    }
  }

  /** This status as JSON. */
  public JsonObject toJson() {
    JsonObject json =
        new JsonObject()
            .put("did", did)
            .put("name", name)
            .put("status", state.jsonName())
            .put("latencyMs", latencyMs)
            .put("count", count);
    if (error != null) {
      json.put("error", error);
    }
    return json;
  }
}
