package network.baton.vocab;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Terms no context defines, found in a document expanded with the sentinel {@code @vocab}: Titanium
 * has an undefined-terms policy, but it stops at the first key and ignores types and values, so
 * they are collected here by their prefix.
 */
final class UndefinedTerms {

  /** The sentinel vocabulary: an undefined key, type or value expands to an IRI under it. */
  static final String UNDEFINED = "urn:baton:undefined-term:";

  private UndefinedTerms() {}

  static void collect(JsonValue value, Set<String> terms) {
    switch (value.getValueType()) {
      case ARRAY -> value.asJsonArray().forEach(v -> collect(v, terms));
      case OBJECT -> {
        for (Map.Entry<String, JsonValue> entry : value.asJsonObject().entrySet()) {
          String key = entry.getKey();
          if (key.startsWith(UNDEFINED)) {
            // Report the key, not the keys of its value: they only became nodes because of it.
            terms.add(key.substring(UNDEFINED.length()));
            continue;
          }
          if (key.equals("@type")) {
            collectUndefinedTypes(entry.getValue(), terms);
          } else if (key.equals("@id")
              && entry.getValue() instanceof JsonString id
              && id.getString().startsWith(UNDEFINED)) {
            terms.add(id.getString().substring(UNDEFINED.length()));
          }
          collect(entry.getValue(), terms);
        }
      }
      default -> {}
    }
  }

  private static void collectUndefinedTypes(JsonValue types, Set<String> terms) {
    List<JsonValue> values = new ArrayList<>();
    if (types.getValueType() == JsonValue.ValueType.ARRAY) {
      values.addAll(types.asJsonArray());
    } else {
      values.add(types);
    }
    for (JsonValue type : values) {
      if (type instanceof JsonString s && s.getString().startsWith(UNDEFINED)) {
        terms.add(s.getString().substring(UNDEFINED.length()));
      }
    }
  }
}
