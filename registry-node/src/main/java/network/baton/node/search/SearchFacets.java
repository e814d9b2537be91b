package network.baton.node.search;

import io.vertx.core.json.JsonObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of matching resources (all pages, not only the one returned) per value of each facet. A
 * resource counts once per distinct value it has: a course teaching two skills of one area counts
 * once for that area.
 *
 * <p>JSON: {@code {"skillArea": {iri: n}, "level": {iri: n}, "type": {name: n}, "language": {tag:
 * n}, "license": {iri: n}}}; keys sorted.
 */
public record SearchFacets(
    Map<String, Long> skillArea,
    Map<String, Long> level,
    Map<String, Long> type,
    Map<String, Long> language,
    Map<String, Long> license) {

  public SearchFacets {
    skillArea = sorted(skillArea);
    level = sorted(level);
    type = sorted(type);
    language = sorted(language);
    license = sorted(license);
  }

  /** No counts at all. */
  public static SearchFacets empty() {
    return new SearchFacets(Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
  }

  /** These facets as JSON. */
  public JsonObject toJson() {
    return new JsonObject()
        .put("skillArea", counts(skillArea))
        .put("level", counts(level))
        .put("type", counts(type))
        .put("language", counts(language))
        .put("license", counts(license));
  }

  /** Reads facets from JSON made by {@link #toJson()}. */
  public static SearchFacets fromJson(JsonObject json) {
    return new SearchFacets(
        counts(json.getJsonObject("skillArea")),
        counts(json.getJsonObject("level")),
        counts(json.getJsonObject("type")),
        counts(json.getJsonObject("language")),
        counts(json.getJsonObject("license")));
  }

  private static Map<String, Long> sorted(Map<String, Long> counts) {
    return Collections.unmodifiableMap(new TreeMap<>(counts));
  }

  private static JsonObject counts(Map<String, Long> counts) {
    return new JsonObject(new LinkedHashMap<>(counts));
  }

  private static Map<String, Long> counts(JsonObject json) {
    Map<String, Long> counts = new TreeMap<>();
    if (json != null) {
      json.forEach(e -> counts.put(e.getKey(), ((Number) e.getValue()).longValue()));
    }
    return counts;
  }
}
