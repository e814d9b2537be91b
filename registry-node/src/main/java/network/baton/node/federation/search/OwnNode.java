package network.baton.node.federation.search;

import static java.util.Objects.requireNonNull;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import network.baton.node.NodeContext;
import network.baton.node.NodeServices;
import network.baton.node.federation.Member;
import network.baton.node.http.NodeDescriptor;
import network.baton.node.search.SearchResult;
import network.baton.node.search.SearchService;
import network.baton.node.sparql.SparqlService;

/**
 * The node's own entry in the member list, answered in-process: its search, SPARQL and descriptor
 * through the services it registered, never through its own HTTP listener. A member is this node
 * when it has the node's DID or its base URL. Each answer keeps the member call's time budget, and
 * a failure is reported like a member's, so the federated answer does not tell the two apart.
 */
final class OwnNode {

  private final Vertx vertx;
  private final String did;
  private final URI baseUrl;
  private final Optional<SearchService> search;
  private final Optional<SparqlService> sparql;
  private final Optional<NodeDescriptor> descriptor;

  OwnNode(
      Vertx vertx,
      String did,
      URI baseUrl,
      Optional<SearchService> search,
      Optional<SparqlService> sparql,
      Optional<NodeDescriptor> descriptor) {
    this.vertx = requireNonNull(vertx, "vertx");
    this.did = did;
    this.baseUrl = requireNonNull(baseUrl, "baseUrl");
    this.search = requireNonNull(search, "search");
    this.sparql = requireNonNull(sparql, "sparql");
    this.descriptor = requireNonNull(descriptor, "descriptor");
  }

  /** The node of this context, with the services it registered. */
  static OwnNode of(NodeContext context) {
    NodeServices services = context.services();
    return new OwnNode(
        context.vertx(),
        context.config().identity().did(),
        context.config().server().baseUrl(),
        services.find(NodeServices.SEARCH),
        services.find(NodeServices.SPARQL),
        services.find(NodeServices.DESCRIPTOR));
  }

  /** Whether member is this node. */
  boolean is(Member member) {
    return member.did().equals(did) || sameUrl(member.baseUrl(), baseUrl);
  }

  /** The node's descriptor document, as {@code /.well-known/baton-node} answers it. */
  Future<JsonObject> descriptor(long timeoutMs) {
    return within(
        descriptor.map(NodeDescriptor::document).orElseGet(() -> absent("a node descriptor")),
        timeoutMs);
  }

  /** One page of the node's local search for these {@code /search} parameters. */
  Future<SearchResult> search(Map<String, List<String>> params, long timeoutMs) {
    return within(
        search
            .map(s -> s.parse(params).compose(s::search))
            .orElseGet(() -> absent("local search (it has no text index)")),
        timeoutMs);
  }

  /** The node's SPARQL JSON results for a SELECT, as its {@code /sparql} answers it. */
  Future<Buffer> select(String query, long timeoutMs) {
    return within(
        sparql
            .map(s -> s.query(query, List.of()).map(answer -> Buffer.buffer(answer.body())))
            .orElseGet(() -> absent("SPARQL")),
        timeoutMs);
  }

  private <T> Future<T> within(Future<T> answer, long timeoutMs) {
    Promise<T> result = Promise.promise();
    long timer =
        vertx.setTimer(
            Math.max(1, timeoutMs),
            id ->
                result.tryFail(
                    new MemberCallFailure(
                        MemberState.TIMEOUT, "no complete answer within " + timeoutMs + " ms")));
    answer.onComplete(
        done -> {
          vertx.cancelTimer(timer);
          if (done.succeeded()) {
            result.tryComplete(done.result());
          } else {
            result.tryFail(done.cause());
          }
        });
    return result.future();
  }

  private static <T> Future<T> absent(String what) {
    return Future.failedFuture(
        new MemberCallFailure(MemberState.ERROR, "this node has no " + what));
  }

  private static boolean sameUrl(URI a, URI b) {
    return strip(a.toString()).equals(strip(b.toString()));
  }

  private static String strip(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
