package network.baton.node.web;

import io.vertx.core.MultiMap;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a reader asked on a search page: text, facet filters and the page cursor. The resource
 * language filter is {@code inLanguage} here, since {@code lang} switches the page language; it is
 * sent to the search API as {@code lang}.
 *
 * @param q free text (may be empty)
 * @param filters values per filter parameter ({@link #FILTERS}), in the order given
 * @param cursor the page cursor, or empty for the first page
 */
public record SearchForm(String q, Map<String, List<String>> filters, String cursor) {

  /** The filter parameters of the pages, each with the search API's name for it. */
  public static final Map<String, String> FILTERS =
      orderedOf(
          "skill", "skill",
          "level", "level",
          "type", "type",
          "inLanguage", "lang",
          "license", "license");

  /** Results per page. */
  public static final int PAGE_SIZE = 10;

  public SearchForm {
    q = q == null ? "" : q.strip();
    Map<String, List<String>> copy = new LinkedHashMap<>();
    for (String name : FILTERS.keySet()) {
      copy.put(name, List.copyOf(filters.getOrDefault(name, List.of())));
    }
    filters = copy;
    cursor = cursor == null ? "" : cursor.strip();
  }

  /** Reads the form from a request's query parameters (unknown ones ignored). */
  public static SearchForm from(MultiMap params) {
    Map<String, List<String>> filters = new LinkedHashMap<>();
    for (String name : FILTERS.keySet()) {
      List<String> values = new ArrayList<>();
      for (String value : params.getAll(name)) {
        if (!value.isBlank() && !values.contains(value.strip())) {
          values.add(value.strip());
        }
      }
      filters.put(name, values);
    }
    return new SearchForm(params.get("q"), filters, params.get("cursor"));
  }

  /** The parameters for the search API, one page of {@link #PAGE_SIZE}. */
  public MultiMap apiParams() {
    MultiMap params = MultiMap.caseInsensitiveMultiMap();
    if (!q.isEmpty()) {
      params.add("q", q);
    }
    filters.forEach((name, values) -> values.forEach(v -> params.add(FILTERS.get(name), v)));
    params.add("limit", Integer.toString(PAGE_SIZE));
    if (!cursor.isEmpty()) {
      params.add("cursor", cursor);
    }
    return params;
  }

  /** True when the value is one of the filter's chosen values. */
  public boolean selected(String filter, String value) {
    return filters.getOrDefault(filter, List.of()).contains(value);
  }

  /** True when there is neither text nor a filter. */
  public boolean isEmpty() {
    return q.isEmpty() && filters.values().stream().allMatch(List::isEmpty);
  }

  /** The link to this search on path with one filter value added or, when chosen, removed. */
  public String toggle(String path, String filter, String value) {
    Map<String, List<String>> next = new LinkedHashMap<>(filters);
    List<String> values = new ArrayList<>(next.get(filter));
    if (!values.remove(value)) {
      values.add(value);
    }
    next.put(filter, values);
    return new SearchForm(q, next, "").link(path);
  }

  /** The link to the page after this one. */
  public String next(String path, String nextCursor) {
    return new SearchForm(q, filters, nextCursor).link(path);
  }

  /** The link to the first page of this search. */
  public String first(String path) {
    return new SearchForm(q, filters, "").link(path);
  }

  /** This search as a link on path. */
  public String link(String path) {
    List<Map.Entry<String, String>> params = new ArrayList<>();
    params.add(new SimpleEntry<>("q", q));
    filters.forEach((name, values) -> values.forEach(v -> params.add(new SimpleEntry<>(name, v))));
    params.add(new SimpleEntry<>("cursor", cursor));
    return Links.of(path, params);
  }

  private static Map<String, String> orderedOf(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(map);
  }
}
