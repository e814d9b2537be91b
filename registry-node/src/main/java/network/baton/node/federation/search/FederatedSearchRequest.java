package network.baton.node.federation.search;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import network.baton.node.search.InvalidSearchQuery;
import network.baton.node.search.SearchQuery;

/**
 * A federated search request: the local search query (without its cursor), where paging stands, the
 * deadline, and the members to ask (empty: every member).
 *
 * <p>Parameters: those of {@code /search} plus {@code deadline} (milliseconds) and {@code members}
 * (DIDs, repeated or comma-separated); {@code cursor} is a {@link FederatedCursor}.
 */
public record FederatedSearchRequest(
    SearchQuery query, FederatedCursor cursor, long deadlineMs, List<String> members) {

  public FederatedSearchRequest {
    requireNonNull(query, "query");
    if (query.cursor() != null) {
      throw new IllegalArgumentException("the member query carries no cursor of its own");
    }
    members = List.copyOf(members);
    if (deadlineMs < 1) {
      throw new IllegalArgumentException("deadline must be positive: " + deadlineMs);
    }
    if (cursor == null) {
      cursor = FederatedCursor.first(fingerprint(query, members));
    } else if (!cursor.fingerprint().equals(fingerprint(query, members))) {
      throw new InvalidSearchQuery(
          "cursor belongs to a different query: repeat the same q, filters, limit and members");
    }
  }

  /** Parses request parameters; every problem found is reported at once. */
  public static FederatedSearchRequest parse(
      Map<String, List<String>> params, FederationLimits limits) {
    List<String> problems = new ArrayList<>();
    Map<String, List<String>> local = new LinkedHashMap<>(params);
    List<String> cursorText = listOrEmpty(local.remove("cursor"));
    List<String> deadlineText = listOrEmpty(local.remove("deadline"));
    List<String> memberText = listOrEmpty(local.remove("members"));
    SearchQuery query = null;
    try {
      query = SearchQuery.parse(local);
    } catch (InvalidSearchQuery e) {
      problems.addAll(e.problems());
    }
    long deadline = limits.defaultDeadline().toMillis();
    long max = limits.maxDeadline().toMillis();
    if (deadlineText.size() > 1) {
      problems.add("deadline may be given only once");
    } else if (deadlineText.size() == 1) {
      try {
        deadline = Long.parseLong(deadlineText.get(0).strip());
        if (deadline < 1 || deadline > max) {
          problems.add("deadline must be between 1 and " + max + " ms, was " + deadline);
        }
      } catch (NumberFormatException e) {
        problems.add(
            "deadline must be a whole number of milliseconds, was '" + deadlineText.get(0) + "'");
      }
    }
    List<String> members = new ArrayList<>();
    for (String value : memberText) {
      for (String part : value.split(",")) {
        if (!part.isBlank()) {
          members.add(part.strip());
        }
      }
    }
    FederatedCursor cursor = null;
    if (cursorText.size() > 1) {
      problems.add("cursor may be given only once");
    } else if (cursorText.size() == 1 && !cursorText.get(0).isBlank()) {
      try {
        cursor = FederatedCursor.decode(cursorText.get(0));
      } catch (InvalidSearchQuery e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidSearchQuery(problems);
    }
    return new FederatedSearchRequest(query, cursor, deadline, members);
  }

  private static List<String> listOrEmpty(List<String> values) {
    return values == null ? List.of() : values;
  }

  private static String fingerprint(SearchQuery query, List<String> members) {
    String text =
        query.fingerprint()
            + '\u0000'
            + query.limit()
            + '\u0000'
            + String.join("\u0001", new TreeSet<>(members));
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }
}
