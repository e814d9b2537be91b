package network.baton.node.federation.search;

import static java.util.Objects.requireNonNull;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import network.baton.node.search.SearchHit;

/**
 * One hit of a federated search: the best-ranked member's copy of it ({@code member} names that
 * member), every member that had it, and its fused score.
 *
 * <p>JSON: a {@link SearchHit} whose {@code score} is the fused reciprocal-rank score, plus {@code
 * "members": [did...]} and {@code "memberScore"} (the member's own score, not comparable across
 * members).
 */
public record FederatedHit(SearchHit hit, List<String> members, double fusedScore) {
  public FederatedHit {
    requireNonNull(hit, "hit");
    requireNonNull(hit.member(), "hit.member");
    members = List.copyOf(members);
    if (members.isEmpty()) {
      throw new IllegalArgumentException("a federated hit comes from at least one member");
    }
  }

  /** This hit as JSON. */
  public JsonObject toJson() {
    return hit.toJson()
        .put("memberScore", hit.score())
        .put("score", fusedScore)
        .put("members", new JsonArray(members));
  }
}
