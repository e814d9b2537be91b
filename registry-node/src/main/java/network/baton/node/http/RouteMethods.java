package network.baton.node.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The methods of a router's routes, per RFC 9110: every route that answers GET also answers HEAD
 * (9.3.2; Vert.x writes no body for HEAD), and a 405 carries {@code Allow} with the methods the
 * target's routes answer (15.5.6). Built once every route is mounted.
 */
public final class RouteMethods {

  private static final Pattern PARAM = Pattern.compile(":[A-Za-z0-9_]+");

  private record Target(Pattern path, Set<String> methods) {}

  private final List<Target> targets;

  private RouteMethods(List<Target> targets) {
    this.targets = targets;
  }

  /** Adds HEAD to every route of router that answers GET, and reads the methods of each path. */
  public static RouteMethods of(Router router) {
    List<Target> targets = new ArrayList<>();
    for (Route route : router.getRoutes()) {
      Set<HttpMethod> methods = route.methods();
      if (methods == null || methods.isEmpty() || route.getPath() == null) {
        continue;
      }
      if (methods.contains(HttpMethod.GET) && !methods.contains(HttpMethod.HEAD)) {
        route.method(HttpMethod.HEAD);
      }
      Set<String> names = new TreeSet<>();
      route.methods().forEach(m -> names.add(m.name()));
      targets.add(new Target(pattern(route.getPath(), route.isExactPath()), names));
    }
    return new RouteMethods(targets);
  }

  /** The methods routes answer at this path, e.g. "DELETE, GET, HEAD, PUT"; empty when none. */
  public String allow(String path) {
    Set<String> methods = new TreeSet<>();
    for (Target target : targets) {
      if (target.path().matcher(path).matches()) {
        methods.addAll(target.methods());
      }
    }
    return String.join(", ", methods);
  }

  /** A 405 handler: sets {@code Allow} for the request's path, then hands over to problem. */
  public Handler<RoutingContext> allowing(Handler<RoutingContext> problem) {
    return rc -> {
      String allow = allow(rc.request().path());
      if (!allow.isEmpty()) {
        rc.response().putHeader("Allow", allow);
      }
      problem.handle(rc);
    };
  }

  // Vert.x paths: ":name" is one segment, a non-exact path is a prefix, a trailing slash is free.
  private static Pattern pattern(String path, boolean exact) {
    String base = path.endsWith("*") ? path.substring(0, path.length() - 1) : path;
    StringBuilder regex = new StringBuilder();
    Matcher param = PARAM.matcher(base);
    int at = 0;
    while (param.find()) {
      regex.append(Pattern.quote(base.substring(at, param.start()))).append("[^/]+");
      at = param.end();
    }
    regex.append(Pattern.quote(base.substring(at)));
    regex.append(exact ? "/?" : ".*");
    return Pattern.compile(regex.toString());
  }
}
