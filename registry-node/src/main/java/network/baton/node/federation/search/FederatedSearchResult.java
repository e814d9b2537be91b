package network.baton.node.federation.search;

import static java.util.Objects.requireNonNull;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import network.baton.node.search.SearchFacets;

/**
 * One page of a federated search.
 *
 * <p>JSON: the local search shape ({@code hits, total, facets, nextCursor}) with {@link
 * FederatedHit}s, plus {@code "partial": true|false} and {@code "members": [MemberStatus...]}.
 * {@code total} and the facet counts are sums over the members that answered (a resource several
 * members hold counts once per member).
 */
public record FederatedSearchResult(
    List<FederatedHit> hits,
    long total,
    SearchFacets facets,
    String nextCursor,
    List<MemberStatus> members) {

  public FederatedSearchResult {
    hits = List.copyOf(hits);
    requireNonNull(facets, "facets");
    members = List.copyOf(members);
  }

  /** True when some member timed out or failed (a skipped member does not make it partial). */
  public boolean partial() {
    return members.stream()
        .anyMatch(m -> m.state() == MemberState.TIMEOUT || m.state() == MemberState.ERROR);
  }

  /** This page as JSON. */
  public JsonObject toJson() {
    JsonObject json =
        new JsonObject()
            .put("hits", new JsonArray(hits.stream().map(FederatedHit::toJson).toList()))
            .put("total", total)
            .put("facets", facets.toJson())
            .put("partial", partial())
            .put("members", new JsonArray(members.stream().map(MemberStatus::toJson).toList()));
    if (nextCursor != null) {
      json.put("nextCursor", nextCursor);
    }
    return json;
  }
}
