package network.baton.node.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** The operations a router serves, written as the OpenAPI document writes them. */
final class MountedOperations {

  private static final Pattern PATH_PARAM = Pattern.compile(":([A-Za-z0-9_]+)");

  private MountedOperations() {}

  /** "GET /resources/{id}" for every route with a path, its ":id" written as "{id}". */
  static Set<String> of(Router router) {
    Set<String> operations = new TreeSet<>();
    for (Route route : router.getRoutes()) {
      String path = route.getPath();
      // No path: the catch-all handlers (access log, failure handler); a regex route would need
      // its own entry here, and the node has none.
      if (path == null) continue;
      String templated = PATH_PARAM.matcher(path).replaceAll("{$1}");
      if (!route.isExactPath() && !templated.endsWith("*")) templated = templated + "*";
      Set<HttpMethod> methods = route.methods();
      if (methods == null || methods.isEmpty()) {
        operations.add("ANY " + templated);
        continue;
      }
      for (HttpMethod method : methods) {
        operations.add(method.name() + " " + templated);
      }
    }
    return operations;
  }
}
