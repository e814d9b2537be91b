package network.baton.node.search;

import static java.util.Objects.requireNonNull;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One resource in a search result.
 *
 * <p>JSON: {@code {"iri", "type", "name": {"ja", "en"}, "description": {"ja", "en"}, "skills":
 * [iri], "level", "license", "languages": [tag], "score", "member"}}; {@code description} holds
 * snippets (at most {@value #SNIPPET_LENGTH} characters per language), {@code level}, {@code
 * license} and {@code member} are left out when unknown, {@code score} is 0 when no text was
 * searched. {@code member} names the node that answered (set by federated search, absent on a local
 * search).
 */
public record SearchHit(
    String iri,
    String type,
    Map<String, String> name,
    Map<String, String> description,
    List<String> skills,
    String level,
    String license,
    List<String> languages,
    double score,
    String member) {

  public static final int SNIPPET_LENGTH = 200;

  public SearchHit {
    requireNonNull(iri, "iri");
    requireNonNull(type, "type");
    name = Map.copyOf(name);
    description = Map.copyOf(description);
    skills = List.copyOf(skills);
    languages = List.copyOf(languages);
    if (!Double.isFinite(score)) {
      throw new IllegalArgumentException("score must be finite: " + score);
    }
  }

  /** The same hit attributed to a member node. */
  public SearchHit withMember(String memberId) {
    return new SearchHit(
        iri, type, name, description, skills, level, license, languages, score, memberId);
  }

  /** A description cut to snippet length on a character boundary, with an ellipsis when cut. */
  public static String snippet(String text) {
    String flat = text.strip().replaceAll("\\s+", " ");
    if (flat.codePointCount(0, flat.length()) <= SNIPPET_LENGTH) {
      return flat;
    }
    return flat.substring(0, flat.offsetByCodePoints(0, SNIPPET_LENGTH - 1)) + "…";
  }

  /** This hit as JSON. */
  public JsonObject toJson() {
    JsonObject json =
        new JsonObject()
            .put("iri", iri)
            .put("type", type)
            .put("name", new JsonObject(new LinkedHashMap<>(name)))
            .put("description", new JsonObject(new LinkedHashMap<>(description)))
            .put("skills", new JsonArray(skills))
            .put("languages", new JsonArray(languages))
            .put("score", score);
    if (level != null) {
      json.put("level", level);
    }
    if (license != null) {
      json.put("license", license);
    }
    if (member != null) {
      json.put("member", member);
    }
    return json;
  }

  /** Reads a hit from JSON made by {@link #toJson()} (for example a member's answer). */
  public static SearchHit fromJson(JsonObject json) {
    return new SearchHit(
        json.getString("iri"),
        json.getString("type"),
        strings(json.getJsonObject("name", new JsonObject())),
        strings(json.getJsonObject("description", new JsonObject())),
        stringList(json.getJsonArray("skills", new JsonArray())),
        json.getString("level"),
        json.getString("license"),
        stringList(json.getJsonArray("languages", new JsonArray())),
        json.getDouble("score", 0.0),
        json.getString("member"));
  }

  private static Map<String, String> strings(JsonObject json) {
    Map<String, String> map = new LinkedHashMap<>();
    json.forEach(e -> map.put(e.getKey(), String.valueOf(e.getValue())));
    return map;
  }

  private static List<String> stringList(JsonArray array) {
    return array.stream().map(String::valueOf).toList();
  }
}
