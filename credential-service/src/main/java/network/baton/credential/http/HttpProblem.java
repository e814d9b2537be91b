package network.baton.credential.http;

import io.vertx.core.json.JsonObject;
import network.baton.vocab.InputLimitException;
import network.baton.vocab.NotUtf8Exception;

/**
 * An RFC 9457 problem the credential routes fail a request with: a type slug, status, title, detail
 * and extra members. The node's failure handler renders it (its own Problem has the same members:
 * {@code new Problem(p.typeSlug(), p.status(), p.title(), p.getMessage(), p.extra())}).
 */
public class HttpProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String typeSlug;
  private final int status;
  private final String title;
  private final transient JsonObject extra;

  /**
   * A problem with a type slug (e.g. "unknown-course"), status, title, detail and extra members.
   */
  public HttpProblem(String typeSlug, int status, String title, String detail, JsonObject extra) {
    super(detail);
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("problem status must be 4xx or 5xx: " + status);
    }
    this.typeSlug = typeSlug;
    this.status = status;
    this.title = title;
    this.extra = extra == null ? new JsonObject() : extra.copy();
  }

  /** A problem without extra members. */
  public HttpProblem(String typeSlug, int status, String title, String detail) {
    this(typeSlug, status, title, detail, null);
  }

  /** 400: the body is not JSON or not the expected shape. */
  public static HttpProblem badRequest(String detail) {
    return new HttpProblem("bad-request", 400, "Bad request", detail);
  }

  /** 422: the request is well-formed but cannot be carried out. */
  public static HttpProblem unprocessable(String typeSlug, String detail) {
    return new HttpProblem(typeSlug, 422, "Unprocessable request", detail);
  }

  /** 404. */
  public static HttpProblem notFound(String detail) {
    return new HttpProblem("not-found", 404, "Not found", detail);
  }

  /** 400: the body is not UTF-8; the problem names the first bad byte ({@code byteOffset}). */
  public static HttpProblem notUtf8(NotUtf8Exception e) {
    return new HttpProblem(
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
  public static HttpProblem overLimit(InputLimitException e) {
    JsonObject extra = new JsonObject().put("limit", e.limit().configKey()).put("max", e.max());
    if (e.line() >= 0) {
      extra.put("line", e.line());
    }
    if (e.column() >= 0) {
      extra.put("column", e.column());
    }
    return e.limit() == InputLimitException.Limit.NESTING
        ? new HttpProblem("too-deep", 400, "Nested too deeply", e.getMessage(), extra)
        : new HttpProblem("too-complex", 413, "Content too complex", e.getMessage(), extra);
  }

  /** The type slug (appended to the node's problem type prefix), e.g. {@code unknown-course}. */
  public String typeSlug() {
    return typeSlug;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The short, status-level title. */
  public String title() {
    return title;
  }

  /** Extra members for the problem document (a copy). */
  public JsonObject extra() {
    return extra.copy();
  }
}
