package network.baton.node.sparql;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import java.util.Locale;
import network.baton.credential.http.Problem;

/**
 * The query text limit ({@code sparqlMaxQueryBytes}) of both SPARQL endpoints, {@code /sparql} and
 * {@code /federation/sparql}: counted in UTF-8 bytes, 414 when the text came in a GET's URI, 413
 * when it came in a POST body, which is refused on its declared length before it is kept.
 */
public final class QueryTextLimit {

  /** A refused body longer than this is not read before the answer (the connection then closes). */
  private static final long DRAIN_LIMIT = 16L * 1024 * 1024;

  private QueryTextLimit() {}

  /**
   * The problem a query text over the limit gets: 414 in a GET's URI (RFC 9110 15.5.15; the detail
   * says to POST it), 413 in a POST body (15.5.14).
   */
  public static Problem tooLong(int status, long limit) {
    return new Problem(
        "query-too-long",
        status,
        status == 414 ? "URI too long" : "Content too large",
        "the query text is longer than this node takes ("
            + limit
            + " bytes)"
            + (status == 414 ? "; POST long queries as application/sparql-query" : ""),
        new JsonObject().put("limit", "sparqlMaxQueryBytes").put("value", limit));
  }

  /**
   * A handler refusing (413) a POST of a query whose declared length is over the limit before its
   * body is parsed or kept; a platform handler, so it runs before the BodyHandler.
   */
  public static PlatformHandler declaredLength(long limit) {
    return rc -> refuseDeclaredLength(rc, limit);
  }

  /** Whether a query text is over the limit in UTF-8 bytes (false for none). */
  public static boolean over(String text, long limit) {
    return text != null && bytes(text) > limit;
  }

  private static void refuseDeclaredLength(RoutingContext rc, long limit) {
    String declared = rc.request().getHeader("Content-Length");
    // A form may spell each byte of the query as %XX.
    long most = isForm(rc) ? 3 * limit + 1024 : limit;
    long length;
    try {
      length = declared == null ? -1 : Long.parseLong(declared.strip());
    } catch (NumberFormatException e) {
      length = -1; // Vert.x refuses a malformed Content-Length itself
    }
    if (length <= most) {
      rc.next();
      return;
    }
    Problem problem = tooLong(413, limit);
    if (length > DRAIN_LIMIT
        || rc.request().isEnded()
        || "100-continue".equalsIgnoreCase(rc.request().getHeader("Expect"))) {
      rc.fail(problem);
      return;
    }
    // Read the body to its end, keeping none of it, before answering: a client still sending
    // when the connection closes loses the answer (the unread bytes reset the connection).
    rc.request().handler(ignored -> {}).endHandler(ended -> rc.fail(problem)).resume();
  }

  private static boolean isForm(RoutingContext rc) {
    String header = rc.request().getHeader("Content-Type");
    return header != null
        && header.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
  }

  /** The text's length in UTF-8, without encoding it. */
  static long bytes(String text) {
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
