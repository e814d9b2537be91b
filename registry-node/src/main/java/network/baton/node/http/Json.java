package network.baton.node.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Writing JSON answers. */
public final class Json {

  private Json() {}

  /** Ends the response with the object as application/json. */
  public static void reply(RoutingContext rc, int status, JsonObject body) {
    reply(rc, status, "application/json", body);
  }

  /** Ends the response with the object under a JSON media type (e.g. application/ld+json). */
  public static void reply(RoutingContext rc, int status, String mediaType, JsonObject body) {
    rc.response()
        .setStatusCode(status)
        .putHeader("Content-Type", mediaType + "; charset=utf-8")
        .end(body.encodePrettily());
  }
}
