package network.baton.node.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The operations the OpenAPI document declares, as "METHOD /path" strings. */
final class OpenApiOperations {

  static final Set<String> METHODS = Set.of("get", "head", "put", "post", "delete", "patch");

  private OpenApiOperations() {}

  static Set<String> documented(JsonNode document) {
    Set<String> operations = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (String method : METHODS) {
        if (path.getValue().has(method)) {
          operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
        }
      }
    }
    return operations;
  }

  /** Every documented GET also answers HEAD (RFC 9110 9.3.2), which the document says once. */
  static Set<String> withImpliedHead(Set<String> documented) {
    Set<String> operations = new TreeSet<>(documented);
    for (String operation : documented) {
      if (operation.startsWith("GET ")) operations.add("HEAD " + operation.substring(4));
    }
    return operations;
  }

  static String samplePath(String template) {
    return template.replaceAll("\\{[^}]+}", "x");
  }
}
