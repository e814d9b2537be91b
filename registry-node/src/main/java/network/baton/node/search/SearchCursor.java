package network.baton.node.search;

import static java.util.Objects.requireNonNull;

import io.vertx.core.json.JsonObject;

/**
 * Where a page of results ended: the sort key and IRI of its last hit, and a fingerprint of the
 * query it belongs to. Sent to clients as an opaque base64url string; the next page starts strictly
 * after this position in the order (score desc or name asc, then IRI asc), so pages neither repeat
 * nor skip a hit.
 */
public record SearchCursor(Order order, String key, String iri, String fingerprint) {

  /** The order a result list is sorted in. */
  public enum Order {
    /** Relevance score descending (a text query). */
    SCORE,
    /** Sort name ascending (no text query). */
    NAME
  }

  private static final int MAX_ENCODED = 4096;

  public SearchCursor {
    requireNonNull(order, "order");
    requireNonNull(key, "key");
    requireNonNull(iri, "iri");
    requireNonNull(fingerprint, "fingerprint");
    if (order == Order.SCORE) {
      parseScore(key);
    }
  }

  /** The cursor after a hit ranked by score. */
  public static SearchCursor afterScore(double score, String iri, String fingerprint) {
    return new SearchCursor(Order.SCORE, Double.toString(score), iri, fingerprint);
  }

  /** The cursor after a hit listed by name. */
  public static SearchCursor afterName(String name, String iri, String fingerprint) {
    return new SearchCursor(Order.NAME, name, iri, fingerprint);
  }

  /** The score of the last hit (order SCORE only). */
  public double score() {
    return parseScore(key);
  }

  /** The opaque base64url form given to clients. */
  public String encode() {
    return OpaqueCursor.encode(
        new JsonObject().put("o", order.name()).put("k", key).put("i", iri).put("f", fingerprint));
  }

  /** Reads a cursor a client sent back; anything not made by {@link #encode()} is refused. */
  public static SearchCursor decode(String encoded) {
    if (encoded.length() > MAX_ENCODED) {
      throw new InvalidSearchQuery("cursor is too long: use the nextCursor of a previous page");
    }
    return OpaqueCursor.decode(
        encoded,
        json ->
            new SearchCursor(
                Order.valueOf(json.getString("o")),
                json.getString("k"),
                json.getString("i"),
                json.getString("f")));
  }

  private static double parseScore(String key) {
    double score = Double.parseDouble(key);
    if (!Double.isFinite(score)) {
      throw new IllegalArgumentException("score is not finite: " + key);
    }
    return score;
  }
}
