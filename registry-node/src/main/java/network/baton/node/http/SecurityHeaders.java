package network.baton.node.http;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import java.util.Locale;

/**
 * Security headers on every answer, set just before the headers are written, so they fit what was
 * answered: an HTML page may load its own styles, scripts and images and nothing else, and no other
 * site may frame it; an API answer (JSON, RDF, problems) may load nothing at all. Every answer says
 * {@code nosniff}. The pages have no inline script or style, so the policy needs no {@code
 * 'unsafe-inline'}. A node serving TLS itself also says {@code Strict-Transport-Security} (a node
 * behind a TLS proxy leaves that header to the proxy, and plain http must not send it). Mount
 * first, on {@code router.route()}.
 */
public final class SecurityHeaders implements PlatformHandler {

  /** The policy of HTML pages: own assets only, forms to the node, never framed. */
  public static final String PAGE_POLICY =
      "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
          + " frame-ancestors 'none'";

  /** The policy of every other answer: a document opened from the API runs and loads nothing. */
  public static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

  /** HSTS of a node serving TLS: a year, no subdomains (other hosts may be other nodes). */
  public static final String HSTS = "max-age=31536000";

  private final boolean tls;

  private SecurityHeaders(boolean tls) {
    this.tls = tls;
  }

  /** The handler of a node answering plain http. */
  public static SecurityHeaders create() {
    return new SecurityHeaders(false);
  }

  /** The handler of a node that serves TLS itself ({@code tls}: also HSTS) or not. */
  public static SecurityHeaders create(boolean tls) {
    return new SecurityHeaders(tls);
  }

  @Override
  public void handle(RoutingContext rc) {
    rc.addHeadersEndHandler(
        v -> {
          MultiMap headers = rc.response().headers();
          apply(headers);
          if (tls) {
            headers.set("Strict-Transport-Security", HSTS);
          }
        });
    rc.next();
  }

  /** Adds the headers for the answer whose Content-Type these headers hold. */
  public static void apply(MultiMap headers) {
    String type = headers.get("Content-Type");
    boolean page = type != null && type.toLowerCase(Locale.ROOT).startsWith("text/html");
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("X-Frame-Options", "DENY");
    headers.set("Content-Security-Policy", page ? PAGE_POLICY : API_POLICY);
    // Pages link to members, licences and skills elsewhere: those learn nothing of what a reader
    // searched for. The API has no use for a Referer at all.
    headers.set("Referrer-Policy", page ? "same-origin" : "no-referrer");
  }
}
