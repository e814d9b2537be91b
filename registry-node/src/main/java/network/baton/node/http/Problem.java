package network.baton.node.http;

import io.vertx.core.json.JsonObject;

/**
 * An RFC 9457 problem to answer with: status, a short title, a detail for the client, and any extra
 * members (e.g. "violations"). Thrown or passed to {@code rc.fail} and rendered by {@link
 * ProblemHandler}.
 */
public class Problem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Prefix of the problem type IRIs this node uses. */
  public static final String TYPE_PREFIX = "https://w3id.org/baton/problems#";

  private final int status;
  private final String type;
  private final String title;
  private final transient JsonObject extra;

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
  }

  /** A problem without extra members. */
  public Problem(String typeSlug, int status, String title, String detail) {
    this(typeSlug, status, title, detail, null);
  }

  /** 400 Bad Request. */
  public static Problem badRequest(String detail) {
    return new Problem("bad-request", 400, "Bad request", detail);
  }

  /** 404 Not Found. */
  public static Problem notFound(String detail) {
    return new Problem("not-found", 404, "Not found", detail);
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
