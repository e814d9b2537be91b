package network.baton.node.search;

import static java.util.Objects.requireNonNull;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * One page of search results: the hits in rank order, how many resources match in all, facet counts
 * over all of them, and the cursor for the next page (null on the last page).
 *
 * <p>JSON (the shape local and federated search share): {@code {"hits": [SearchHit...], "total": n,
 * "facets": SearchFacets, "nextCursor": "..."}}; {@code nextCursor} is left out on the last page.
 */
public record SearchResult(
    List<SearchHit> hits, long total, SearchFacets facets, String nextCursor) {

  public SearchResult {
    hits = List.copyOf(hits);
    requireNonNull(facets, "facets");
    if (total < hits.size()) {
      throw new IllegalArgumentException("total " + total + " is less than the hits on this page");
    }
  }

  /** This page as JSON. */
  public JsonObject toJson() {
    JsonObject json =
        new JsonObject()
            .put("hits", new JsonArray(hits.stream().map(SearchHit::toJson).toList()))
            .put("total", total)
            .put("facets", facets.toJson());
    if (nextCursor != null) {
      json.put("nextCursor", nextCursor);
    }
    return json;
  }

  /** Reads a page from JSON made by {@link #toJson()}. */
  public static SearchResult fromJson(JsonObject json) {
    JsonArray hits = json.getJsonArray("hits", new JsonArray());
    return new SearchResult(
        hits.stream().map(h -> SearchHit.fromJson((JsonObject) h)).toList(),
        json.getLong("total", (long) hits.size()),
        SearchFacets.fromJson(json.getJsonObject("facets", new JsonObject())),
        json.getString("nextCursor"));
  }
}
