package network.baton.node.federation.search;

import static java.util.Objects.requireNonNull;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import network.baton.node.search.InvalidSearchQuery;
import network.baton.node.search.OpaqueCursor;

/**
 * Where a federated result list stands, sent to clients as opaque base64url.
 *
 * <p>Paging works in windows: a window is one page from each member, fused; its fused hits are
 * returned {@code limit} at a time ({@code skip} of them already returned). When a window is used
 * up, the next one starts at each member's own {@code nextCursor}; a member with no further page is
 * {@code exhausted}; a member that failed keeps its cursor and is asked again in the next window.
 * Pages of one window are fused only from the members that answered its first page ({@code
 * window}), so a member coming back mid-window does not shift the order.
 *
 * <p>Limits: fusion is per window, not over every hit of the network; the last page of a window may
 * be shorter than {@code limit} while a next cursor exists; an IRI that two members rank in
 * different windows appears twice; if a member's own answers change between pages, hits may be
 * repeated or missed (member answers are cached briefly to make this rare).
 *
 * @param fingerprint the query, member selection and page size it belongs to
 * @param memberCursors member DID to its own cursor for this window (absent: its first page)
 * @param exhausted members with no further pages
 * @param window members whose answers form this window (empty before the first page)
 * @param skip fused hits of this window already returned
 */
public record FederatedCursor(
    String fingerprint,
    Map<String, String> memberCursors,
    Set<String> exhausted,
    Set<String> window,
    int skip) {

  /** Upper bound on an encoded cursor: it holds one cursor per member. */
  public static final int MAX_ENCODED = 256 * 1024;

  public FederatedCursor {
    requireNonNull(fingerprint, "fingerprint");
    memberCursors = Map.copyOf(memberCursors);
    exhausted = Set.copyOf(exhausted);
    window = Set.copyOf(window);
    if (skip < 0) {
      throw new IllegalArgumentException("skip must not be negative: " + skip);
    }
  }

  /** The start of a result list. */
  public static FederatedCursor first(String fingerprint) {
    return new FederatedCursor(fingerprint, Map.of(), Set.of(), Set.of(), 0);
  }

  /** The opaque form given to clients. */
  public String encode() {
    return OpaqueCursor.encode(
        new JsonObject()
            .put("f", fingerprint)
            .put("c", new JsonObject(new LinkedHashMap<>(memberCursors)))
            .put("x", new JsonArray(List.copyOf(new TreeSet<>(exhausted))))
            .put("w", new JsonArray(List.copyOf(new TreeSet<>(window))))
            .put("s", skip));
  }

  /** Reads a cursor a client sent back; anything not made by {@link #encode()} is refused. */
  public static FederatedCursor decode(String encoded) {
    if (encoded.length() > MAX_ENCODED) {
      throw new InvalidSearchQuery("cursor is too long: use the nextCursor of a previous page");
    }
    return OpaqueCursor.decode(encoded.strip(), FederatedCursor::fromJson);
  }

  private static FederatedCursor fromJson(JsonObject json) {
    Map<String, String> cursors = new LinkedHashMap<>();
    json.getJsonObject("c").forEach(e -> cursors.put(e.getKey(), (String) e.getValue()));
    return new FederatedCursor(
        json.getString("f"),
        cursors,
        strings(json.getJsonArray("x")),
        strings(json.getJsonArray("w")),
        json.getInteger("s"));
  }

  private static Set<String> strings(JsonArray array) {
    Set<String> set = new TreeSet<>();
    array.forEach(v -> set.add((String) v));
    return set;
  }
}
