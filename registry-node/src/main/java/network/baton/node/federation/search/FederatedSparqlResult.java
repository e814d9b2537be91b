package network.baton.node.federation.search;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The union of members' SELECT solutions, each naming its member in {@code ?member}.
 *
 * <p>JSON: SPARQL 1.1 Query Results JSON ({@code head.vars}, {@code results.bindings}) with two
 * extra top-level members that SPARQL JSON readers ignore: {@code "partial"} and {@code "members":
 * [MemberStatus...]}.
 */
public record FederatedSparqlResult(
    List<String> vars, List<JsonObject> bindings, List<MemberStatus> members) {

  public FederatedSparqlResult {
    vars = List.copyOf(vars);
    bindings = List.copyOf(bindings);
    members = List.copyOf(members);
  }

  /** True when some member timed out or failed. */
  public boolean partial() {
    return members.stream()
        .anyMatch(m -> m.state() == MemberState.TIMEOUT || m.state() == MemberState.ERROR);
  }

  /** The results document. */
  public JsonObject toJson() {
    return new JsonObject()
        .put("head", new JsonObject().put("vars", new JsonArray(vars)))
        .put("results", new JsonObject().put("bindings", new JsonArray(List.copyOf(bindings))))
        .put("partial", partial())
        .put("members", new JsonArray(members.stream().map(MemberStatus::toJson).toList()));
  }
}
