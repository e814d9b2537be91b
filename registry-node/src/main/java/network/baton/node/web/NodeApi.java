package network.baton.node.web;

import static java.util.Objects.requireNonNull;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

/**
 * The node's own JSON API, called over loopback on the address the page request came in on. Local
 * search, federated search and credential verification live inside other extensions that expose no
 * service object to this one, so the pages use the same API every client uses: the JSON shapes are
 * the contract, and the work still runs on the node's worker pools, never on the event loop.
 */
public final class NodeApi implements AutoCloseable {

  private static final int TIMEOUT_MS = 30_000;

  private final WebClient client;

  /** A client on vertx. */
  public NodeApi(Vertx vertx) {
    this.client =
        WebClient.create(
            requireNonNull(vertx, "vertx"),
            new WebClientOptions().setKeepAlive(true).setUserAgent("baton-web-pages"));
  }

  /** An answer of the API: status and JSON body (an empty object when there was none). */
  public record Answer(int status, JsonObject body) {
    public Answer {
      body = body == null ? new JsonObject() : body;
    }

    /** True for a 2xx status. */
    public boolean ok() {
      return status >= 200 && status < 300;
    }

    /** The problem detail of a refused request, or the status alone. */
    public String detail() {
      return body.getString("detail", "HTTP " + status);
    }
  }

  /** GET a path with query parameters. */
  public Future<Answer> get(RoutingContext rc, String path, MultiMap params) {
    SocketAddress local = rc.request().localAddress();
    var request =
        client
            .get(local.port(), host(local), path)
            .putHeader("Host", authority(rc))
            .putHeader("Accept", "application/json")
            .timeout(TIMEOUT_MS);
    request.queryParams().addAll(params);
    return request.send().map(NodeApi::answer);
  }

  /** POST a JSON body to a path. */
  public Future<Answer> post(RoutingContext rc, String path, JsonObject body) {
    SocketAddress local = rc.request().localAddress();
    return client
        .post(local.port(), host(local), path)
        .putHeader("Host", authority(rc))
        .putHeader("Accept", "application/json")
        .timeout(TIMEOUT_MS)
        .sendJsonObject(body)
        .map(NodeApi::answer);
  }

  // The Host the reader used: Vert.x would otherwise write an IPv6 literal without brackets
  // (a browser reaching localhost over ::1), which the server refuses.
  private static String authority(RoutingContext rc) {
    var authority = rc.request().authority();
    return authority != null
        ? authority.toString()
        : "localhost:" + rc.request().localAddress().port();
  }

  private static String host(SocketAddress local) {
    String host = local.hostAddress();
    return host == null || host.isEmpty() ? "127.0.0.1" : host;
  }

  private static Answer answer(HttpResponse<Buffer> response) {
    JsonObject body = null;
    Buffer buffer = response.body();
    if (buffer != null && buffer.length() > 0) {
      try {
        body = buffer.toJsonObject();
      } catch (RuntimeException e) {
        body = new JsonObject().put("detail", "the node answered with something other than JSON");
      }
    }
    return new Answer(response.statusCode(), body);
  }

  @Override
  public void close() {
    client.close();
  }
}
