package network.baton.vocab;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.apache.jena.langtag.LangTags;

/**
 * What JSON-LD to RDF would skip with only a log line, found in an expanded document first: IRIs
 * that are not absolute and well-formed, language tags that are not well-formed.
 */
final class DroppedValues {
  private DroppedValues() {}

  // JSON-LD to RDF skips (with only a log line) triples whose IRIs are not absolute and
  // well-formed and literals whose language tag is not well-formed; find them first, keep ten.
  static void collect(JsonValue value, List<String> problems) {
    if (problems.size() >= 10) {
      return;
    }
    switch (value.getValueType()) {
      case ARRAY -> value.asJsonArray().forEach(v -> collect(v, problems));
      case OBJECT -> {
        JsonObject object = value.asJsonObject();
        for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
          String key = entry.getKey();
          JsonValue v = entry.getValue();
          if (!key.startsWith("@") && !isAbsoluteIri(key)) {
            problems.add("property " + key + " is not an absolute IRI");
          } else if (key.equals("@id") && v instanceof JsonString id && !isNode(id.getString())) {
            problems.add("id " + id.getString() + " is not an absolute IRI");
          } else if (key.equals("@type")) {
            List<JsonValue> types =
                v.getValueType() == JsonValue.ValueType.ARRAY ? v.asJsonArray() : List.of(v);
            for (JsonValue type : types) {
              if (type instanceof JsonString t
                  && !t.getString().startsWith("@")
                  && !isNode(t.getString())) {
                problems.add("type " + t.getString() + " is not an absolute IRI");
              }
            }
          } else if (key.equals("@language")
              && v instanceof JsonString tag
              && !LangTags.check(tag.getString())) {
            problems.add("language tag " + tag.getString() + " is not well-formed (BCP 47)");
          }
          if (!key.equals("@value")) {
            collect(v, problems);
          }
        }
      }
      default -> {}
    }
  }

  private static boolean isNode(String iri) {
    return iri.startsWith("_:") || isAbsoluteIri(iri);
  }

  private static boolean isAbsoluteIri(String iri) {
    try {
      return IRIx.create(iri).isReference();
    } catch (IRIException e) {
      return false;
    }
  }
}
