package network.baton.credential.http;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import network.baton.vocab.InputLimitException;
import network.baton.vocab.NotUtf8Exception;

/**
 * An RFC 9457 problem to answer with: status, a short title, a detail for the client, any extra
 * members (e.g. "violations") and headers (Retry-After, Allow). Thrown or passed to {@code rc.fail}
 * by routes and rendered by {@link ProblemHandler}; the one problem type of the node and of the
 * credential routes (this module is below the node, so both can use it).
 */
public class Problem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Prefix of the problem type IRIs this node uses. */
  public static final String TYPE_PREFIX = "https://w3id.org/baton/problems#";

  private final int status;
  private final String type;
  private final String title;
  private final transient JsonObject extra;
  private final Map<String, String> headers;

  /** A problem with a type slug (e.g. "not-found"), status, title, detail and extra members. */
  public Problem(String typeSlug, int status, String title, String detail, JsonObject extra) {
    super(detail);
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("problem status must be 4xx or 5xx: " + status);
    }
    this.type = typeSlug == null ? "about:blank" : TYPE_PREFIX + typeSlug;
    this.status = status;
    this.title = title;
    this.extra = extra == null ? new JsonObject() : extra.copy();
    this.headers = Map.of();
  }

  private Problem(Problem problem, Map<String, String> headers) {
    super(problem.getMessage());
    this.type = problem.type;
    this.status = problem.status;
    this.title = problem.title;
    this.extra = problem.extra;
    this.headers = Map.copyOf(headers);
  }

  /** A problem without extra members. */
  public Problem(String typeSlug, int status, String title, String detail) {
    this(typeSlug, status, title, detail, null);
  }

  /** 400 Bad Request. */
  public static Problem badRequest(String detail) {
    return new Problem("bad-request", 400, "Bad request", detail);
  }

  /** 422: the request is well-formed but cannot be carried out. */
  public static Problem unprocessable(String typeSlug, String detail) {
    return new Problem(typeSlug, 422, "Unprocessable request", detail);
  }

  /** 400: the body is not UTF-8; the problem names the first bad byte ({@code byteOffset}). */
  public static Problem notUtf8(NotUtf8Exception e) {
    return new Problem(
        "not-utf8",
        400,
        "Not UTF-8",
        "the body is " + e.getMessage() + "; send text encoded as UTF-8",
        new JsonObject().put("byteOffset", e.byteOffset()));
  }

  /**
   * The body's shape is over one of the node's input limits: 400 for nesting (with the line), 413
   * for the number of values, members or elements; the problem names the limit's config key.
   */
  public static Problem overLimit(InputLimitException e) {
    JsonObject extra = new JsonObject().put("limit", e.limit().configKey()).put("max", e.max());
    if (e.line() >= 0) {
      extra.put("line", e.line());
    }
    if (e.column() >= 0) {
      extra.put("column", e.column());
    }
    return e.limit() == InputLimitException.Limit.NESTING
        ? new Problem("too-deep", 400, "Nested too deeply", e.getMessage(), extra)
        : new Problem("too-complex", 413, "Content too complex", e.getMessage(), extra);
  }

  /** 404 Not Found. */
  public static Problem notFound(String detail) {
    return new Problem("not-found", 404, "Not found", detail);
  }

  /** 429 Too Many Requests, to try again after retryAfterSeconds. */
  public static Problem tooManyRequests(String detail, long retryAfterSeconds) {
    return new Problem("too-many-requests", 429, "Too many requests", detail)
        .withHeader("Retry-After", Long.toString(retryAfterSeconds));
  }

  /** A copy that is answered with this header too (e.g. Retry-After on a 503 or 429). */
  public Problem withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Problem(this, more);
  }

  /** Headers to answer with besides Content-Type. */
  public Map<String, String> headers() {
    return headers;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The type IRI. */
  public String type() {
    return type;
  }

  /** The short, status-level title. */
  public String title() {
    return title;
  }

  /** Extra members for the problem document (a copy). */
  public JsonObject extra() {
    return extra.copy();
  }

  /** The problem as an application/problem+json object for a request path. */
  public JsonObject toJson(String instance) {
    JsonObject json =
        new JsonObject()
            .put("type", type)
            .put("title", title)
            .put("status", status)
            .put("detail", getMessage());
    if (instance != null) {
      json.put("instance", instance);
    }
    extra.forEach(e -> json.put(e.getKey(), e.getValue()));
    return json;
  }
}
