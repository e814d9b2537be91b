package network.baton.node.auth;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import network.baton.node.http.Problem;

/**
 * Lets a write through only with {@code Authorization: Bearer <admin token>}: 401 without, 403
 * wrong. Marked as a platform handler so Vert.x lets it run before the BodyHandler: an anonymous
 * client is refused before the node buffers its body.
 */
public final class AdminAuthHandler implements PlatformHandler {

  private static final String BEARER = "bearer ";

  private final AdminTokens tokens;

  private AdminAuthHandler(AdminTokens tokens) {
    this.tokens = tokens;
  }

  /** A handler checking against these tokens. */
  public static AdminAuthHandler create(AdminTokens tokens) {
    return new AdminAuthHandler(tokens);
  }

  @Override
  public void handle(RoutingContext rc) {
    String header = rc.request().getHeader("Authorization");
    if (header == null || header.isBlank()) {
      rc.fail(
          new Problem(
              "unauthorized",
              401,
              "Unauthorized",
              "this write needs an admin token: Authorization: Bearer <token>"));
      return;
    }
    if (header.length() <= BEARER.length()
        || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      rc.fail(
          new Problem(
              "unauthorized",
              401,
              "Unauthorized",
              "the Authorization header must be: Bearer <token>"));
      return;
    }
    String token = header.substring(BEARER.length()).strip();
    if (!tokens.accepts(token)) {
      rc.fail(
          new Problem(
              "forbidden", 403, "Forbidden", "the admin token is not accepted by this node"));
      return;
    }
    rc.next();
  }
}
