package network.baton.node.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A search results page, from the search API's JSON (local or federated): hits with the query
 * marked, facet links that add or remove a filter, paging links, and for the network each member's
 * status.
 */
public record SearchView(
    SearchForm form,
    long total,
    List<Hit> hits,
    List<FacetGroup> facets,
    String nextHref,
    String firstHref,
    List<MemberRow> members,
    boolean partial,
    List<String> problems,
    List<FacetValue> chosen) {

  /** One result: where it is, its name and snippet with the query marked, and what it is. */
  public record Hit(
      String href,
      Highlight name,
      Highlight description,
      String type,
      List<Link> skills,
      List<String> languages,
      Link license,
      String level,
      List<String> members) {}

  /** A labelled link. */
  public record Link(String label, String href) {}

  /** One facet: its heading, and a link per value that toggles the filter. */
  public record FacetGroup(String key, String title, List<FacetValue> values) {}

  /** One value of a facet with its count; {@code selected} when it filters the results now. */
  public record FacetValue(String label, long count, String href, boolean selected) {}

  /** One member's part in a network search. */
  public record MemberRow(
      String name, String did, String status, long latencyMs, long count, String error) {}

  public SearchView {
    hits = List.copyOf(hits);
    facets = List.copyOf(facets);
    members = List.copyOf(members);
    problems = List.copyOf(problems);
    chosen = List.copyOf(chosen);
  }

  /** A page with only the form and the problems of a refused query. */
  public static SearchView refused(SearchForm form, List<String> problems) {
    return new SearchView(
        form, 0, List.of(), List.of(), null, null, List.of(), false, problems, List.of());
  }

  /** The page for the answer of the search API on path (the page's own path, for links). */
  public static SearchView of(
      SearchForm form, JsonObject answer, String path, Labels labels, PageLanguage language) {
    List<Hit> hits = new ArrayList<>();
    for (Object item : answer.getJsonArray("hits", new JsonArray())) {
      hits.add(hit((JsonObject) item, form.q(), labels, language));
    }
    List<FacetGroup> facets = new ArrayList<>();
    JsonObject counts = answer.getJsonObject("facets", new JsonObject());
    facets.add(group(form, path, counts, "skillArea", "skill", language, labels::skill));
    facets.add(group(form, path, counts, "type", "type", language, labels::type));
    facets.add(group(form, path, counts, "level", "level", language, labels::level));
    facets.add(group(form, path, counts, "language", "inLanguage", language, labels::language));
    facets.add(
        group(form, path, counts, "license", "license", language, (iri, l) -> labels.license(iri)));
    List<MemberRow> members = new ArrayList<>();
    for (Object item : answer.getJsonArray("members", new JsonArray())) {
      JsonObject m = (JsonObject) item;
      members.add(
          new MemberRow(
              m.getString("name", ""),
              m.getString("did", ""),
              m.getString("status", ""),
              m.getLong("latencyMs", 0L),
              m.getLong("count", 0L),
              m.getString("error")));
    }
    String next = answer.getString("nextCursor");
    return new SearchView(
        form,
        answer.getLong("total", (long) hits.size()),
        hits,
        facets.stream().filter(g -> !g.values().isEmpty()).toList(),
        next == null ? null : form.next(path, next),
        form.cursor().isEmpty() ? null : form.first(path),
        members,
        answer.getBoolean("partial", false),
        List.of(),
        chosen(form, path, labels, language));
  }

  /** Every filter in force, labelled, each with the link that removes it. */
  private static List<FacetValue> chosen(
      SearchForm form, String path, Labels labels, PageLanguage language) {
    List<FacetValue> chosen = new ArrayList<>();
    form.filters()
        .forEach(
            (param, values) -> {
              for (String value : values) {
                String label =
                    switch (param) {
                      case "skill" -> labels.skill(value, language);
                      case "level" -> labels.level(value, language);
                      case "type" -> labels.type(value, language);
                      case "inLanguage" -> labels.language(value, language);
                      default -> labels.license(value);
                    };
                chosen.add(new FacetValue(label, 0, form.toggle(path, param, value), true));
              }
            });
    return chosen;
  }

  /** True when the reader asked something (text or a filter). */
  public boolean asked() {
    return !form.isEmpty();
  }

  private static Hit hit(JsonObject json, String q, Labels labels, PageLanguage language) {
    List<Link> skills = new ArrayList<>();
    for (Object skill : json.getJsonArray("skills", new JsonArray())) {
      String iri = String.valueOf(skill);
      skills.add(new Link(labels.skill(iri, language), labels.skillHref(iri)));
    }
    List<String> languages = new ArrayList<>();
    for (Object tag : json.getJsonArray("languages", new JsonArray())) {
      languages.add(labels.language(String.valueOf(tag), language));
    }
    String license = json.getString("license");
    String level = json.getString("level");
    List<String> members = new ArrayList<>();
    for (Object member : json.getJsonArray("members", new JsonArray())) {
      members.add(String.valueOf(member));
    }
    String iri = json.getString("iri");
    return new Hit(
        Links.safeHref(iri),
        Highlight.of(pick(json.getJsonObject("name"), language, iri), q),
        Highlight.of(pick(json.getJsonObject("description"), language, ""), q),
        labels.type(json.getString("type", ""), language),
        skills,
        languages,
        license == null ? null : new Link(labels.license(license), Links.safeHref(license)),
        level == null ? null : labels.level(level, language),
        members);
  }

  /** The text in the page language, else in the other one, else the fallback. */
  static String pick(JsonObject texts, PageLanguage language, String fallback) {
    if (texts == null) {
      return fallback;
    }
    String text = texts.getString(language.tag());
    if (text == null || text.isBlank()) {
      text = texts.getString(language.other().tag());
    }
    if (text == null || text.isBlank()) {
      text = texts.stream().map(e -> String.valueOf(e.getValue())).findFirst().orElse(fallback);
    }
    return text;
  }

  private static FacetGroup group(
      SearchForm form,
      String path,
      JsonObject counts,
      String key,
      String param,
      PageLanguage language,
      BiFunction<String, PageLanguage, String> label) {
    List<FacetValue> values = new ArrayList<>();
    JsonObject group = counts.getJsonObject(key, new JsonObject());
    for (Map.Entry<String, Object> entry : group) {
      values.add(
          new FacetValue(
              label.apply(entry.getKey(), language),
              ((Number) entry.getValue()).longValue(),
              form.toggle(path, param, entry.getKey()),
              form.selected(param, entry.getKey())));
    }
    return new FacetGroup(key, "facet." + key, values);
  }
}
