package network.baton.node.search;

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
import java.util.regex.Pattern;

/**
 * One search request: free text {@code q} and filters. Several values of one filter are
 * alternatives (OR), different filters all apply (AND). Parsed from the query parameters {@code q,
 * skill, level, type, lang, license, limit, cursor}.
 *
 * @param q free text, blank to list by name
 * @param skills skill concept IRIs; a resource teaching one of them or a narrower skill matches
 * @param levels educational level IRIs
 * @param types resource type IRIs
 * @param languages BCP 47 tags of {@code schema:inLanguage}, lower case
 * @param licenses licence IRIs
 * @param limit page size, 1 to {@value #MAX_LIMIT}
 * @param cursor where the previous page ended, or null for the first page
 */
public record SearchQuery(
    String q,
    List<String> skills,
    List<String> levels,
    List<String> types,
    List<String> languages,
    List<String> licenses,
    int limit,
    SearchCursor cursor) {

  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 100;
  public static final int MAX_Q_LENGTH = 500;
  private static final int MAX_VALUES = 20;
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{1,8})*");

  public SearchQuery {
    q = q == null ? "" : q.strip();
    skills = List.copyOf(skills);
    levels = List.copyOf(levels);
    types = List.copyOf(types);
    languages = List.copyOf(languages);
    licenses = List.copyOf(licenses);
    if (q.length() > MAX_Q_LENGTH) {
      throw new InvalidSearchQuery("q is longer than " + MAX_Q_LENGTH + " characters");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidSearchQuery("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
    }
    if (cursor != null
        && !cursor
            .fingerprint()
            .equals(fingerprint(q, skills, levels, types, languages, licenses))) {
      throw new InvalidSearchQuery(
          "cursor belongs to a different query: repeat the same q and filters");
    }
  }

  /** A text query with no filters, first page, default size. */
  public static SearchQuery text(String q) {
    return new SearchQuery(
        q, List.of(), List.of(), List.of(), List.of(), List.of(), DEFAULT_LIMIT, null);
  }

  /** Parses query parameters (name to values); every problem found is reported at once. */
  public static SearchQuery parse(Map<String, List<String>> params) {
    requireNonNull(params, "params");
    List<String> problems = new ArrayList<>();
    String q = single(params, "q", problems);
    List<String> skills = new ArrayList<>();
    for (String v : values(params, "skill", problems)) {
      skills.add(SearchTerms.expand(v, "skill", SearchTerms.SKILL));
    }
    List<String> levels = new ArrayList<>();
    for (String v : values(params, "level", problems)) {
      levels.add(SearchTerms.expand(v, "level", SearchTerms.LEVEL));
    }
    List<String> types = new ArrayList<>();
    for (String v : values(params, "type", problems)) {
      String type = SearchTerms.expandType(v);
      if (type == null) {
        problems.add(
            "type '"
                + v
                + "' is not a resource type: use one of "
                + new TreeSet<>(SearchTerms.TYPES.keySet()));
      } else {
        types.add(type);
      }
    }
    List<String> languages = new ArrayList<>();
    for (String v : values(params, "lang", problems)) {
      String tag = SearchTerms.normaliseLanguage(v);
      if (LANGUAGE.matcher(tag).matches()) {
        languages.add(tag);
      } else {
        problems.add("lang '" + v + "' is not a BCP 47 language tag such as ja or en");
      }
    }
    List<String> licenses = new ArrayList<>();
    for (String v : values(params, "license", problems)) {
      if (v.startsWith("http://") || v.startsWith("https://")) {
        licenses.add(v);
      } else {
        problems.add("license '" + v + "' is not a licence IRI");
      }
    }
    int limit = DEFAULT_LIMIT;
    String limitText = single(params, "limit", problems);
    if (limitText != null) {
      try {
        limit = Integer.parseInt(limitText.strip());
        if (limit < 1 || limit > MAX_LIMIT) {
          problems.add("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
      } catch (NumberFormatException e) {
        problems.add(
            "limit must be a whole number between 1 and "
                + MAX_LIMIT
                + ", was '"
                + limitText
                + "'");
      }
    }
    SearchCursor cursor = null;
    String cursorText = single(params, "cursor", problems);
    if (cursorText != null && !cursorText.isBlank()) {
      try {
        cursor = SearchCursor.decode(cursorText.strip());
      } catch (InvalidSearchQuery e) {
        problems.addAll(e.problems());
      }
    }
    if (q != null && q.strip().length() > MAX_Q_LENGTH) {
      problems.add("q is longer than " + MAX_Q_LENGTH + " characters");
    }
    if (!problems.isEmpty()) {
      throw new InvalidSearchQuery(problems);
    }
    return new SearchQuery(q, skills, levels, types, languages, licenses, limit, cursor);
  }

  /** The same query asking for the page after {@code next}. */
  public SearchQuery after(SearchCursor next) {
    return new SearchQuery(q, skills, levels, types, languages, licenses, limit, next);
  }

  /** The same query with another page size. */
  public SearchQuery withLimit(int newLimit) {
    return new SearchQuery(q, skills, levels, types, languages, licenses, newLimit, cursor);
  }

  /** The query as parameters, for forwarding it to another node. */
  public Map<String, List<String>> toParams() {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (!q.isEmpty()) {
      params.put("q", List.of(q));
    }
    putIfAny(params, "skill", skills);
    putIfAny(params, "level", levels);
    putIfAny(params, "type", types);
    putIfAny(params, "lang", languages);
    putIfAny(params, "license", licenses);
    params.put("limit", List.of(Integer.toString(limit)));
    if (cursor != null) {
      params.put("cursor", List.of(cursor.encode()));
    }
    return params;
  }

  /** True when there is free text to rank by; otherwise results are listed by name. */
  public boolean hasText() {
    return !q.isEmpty();
  }

  /**
   * Identifies the q and filters (not the page): a cursor is only valid for the query it came from.
   */
  public String fingerprint() {
    return fingerprint(q, skills, levels, types, languages, licenses);
  }

  private static String fingerprint(
      String q,
      List<String> skills,
      List<String> levels,
      List<String> types,
      List<String> languages,
      List<String> licenses) {
    StringBuilder text = new StringBuilder(q);
    for (List<String> values : List.of(skills, levels, types, languages, licenses)) {
      text.append('\u0000').append(String.join("\u0001", new TreeSet<>(values)));
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }

  private static void putIfAny(Map<String, List<String>> params, String name, List<String> values) {
    if (!values.isEmpty()) {
      params.put(name, values);
    }
  }

  private static String single(
      Map<String, List<String>> params, String name, List<String> problems) {
    List<String> values = params.getOrDefault(name, List.of());
    if (values.size() > 1) {
      problems.add(name + " may be given only once");
    }
    return values.isEmpty() ? null : values.get(0);
  }

  private static List<String> values(
      Map<String, List<String>> params, String name, List<String> problems) {
    List<String> values = new ArrayList<>();
    for (String value : params.getOrDefault(name, List.of())) {
      for (String part : value.split(",")) {
        if (!part.isBlank()) {
          values.add(part.strip());
        }
      }
    }
    if (values.size() > MAX_VALUES) {
      problems.add(name + " has more than " + MAX_VALUES + " values");
    }
    return values;
  }
}
