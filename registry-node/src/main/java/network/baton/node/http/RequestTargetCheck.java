package network.baton.node.http;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import network.baton.credential.http.Problem;

/**
 * Refuses a request whose target (path and query, as sent) has a {@code %} not followed by two hex
 * digits, with a 400 saying where, before any route decodes it: Vert.x decodes path parameters
 * while it matches routes and failed such requests with a bare 500. Also refuses raw bytes that are
 * not UTF-8 (raw UTF-8 was percent-encoded by {@link Utf8RequestTarget} before this runs). Mount
 * first after that, on {@code router.route()}.
 */
public final class RequestTargetCheck implements PlatformHandler {

  private RequestTargetCheck() {}

  /** The handler. */
  public static RequestTargetCheck create() {
    return new RequestTargetCheck();
  }

  @Override
  public void handle(RoutingContext rc) {
    String target = rc.request().uri();
    int bad = badEscape(target);
    if (bad >= 0) {
      rc.fail(
          Problem.badRequest(
              "the request target has a '%' at character "
                  + (bad + 1)
                  + " that is not followed by two hex digits; write a '%' itself as %25"));
      return;
    }
    int raw = firstNonAscii(target);
    if (raw >= 0) {
      rc.fail(
          Problem.badRequest(
              "the request target has a byte at character "
                  + (raw + 1)
                  + " that is not part of UTF-8 text; send the target as UTF-8, percent-encoded"));
      return;
    }
    rc.next();
  }

  /** The index of the first char outside US-ASCII, or -1. */
  static int firstNonAscii(String target) {
    if (target == null) {
      return -1;
    }
    for (int i = 0; i < target.length(); i++) {
      if (target.charAt(i) >= 0x80) {
        return i;
      }
    }
    return -1;
  }

  /** The index of the first '%' not followed by two hex digits, or -1. */
  static int badEscape(String target) {
    if (target == null) {
      return -1;
    }
    for (int i = target.indexOf('%'); i >= 0; i = target.indexOf('%', i + 1)) {
      if (i + 2 >= target.length()
          || Character.digit(target.charAt(i + 1), 16) < 0
          || Character.digit(target.charAt(i + 2), 16) < 0) {
        return i;
      }
    }
    return -1;
  }
}
