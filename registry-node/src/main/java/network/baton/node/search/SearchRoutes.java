package network.baton.node.search;

import static java.util.Objects.requireNonNull;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import network.baton.credential.http.Problem;

/**
 * {@code GET /search?q=&skill=&level=&type=&lang=&license=&limit=&cursor=}: one page of {@link
 * SearchResult} as JSON; bad parameters are a 400 problem listing each one under {@code problems}.
 */
public final class SearchRoutes {

  private final SearchService service;
  private final Handler<RoutingContext> share;

  /** Routes answering from {@code service}, each client held to its share by {@code share}. */
  public SearchRoutes(SearchService service, Handler<RoutingContext> share) {
    this.service = requireNonNull(service, "service");
    this.share = requireNonNull(share, "share");
  }

  /** Adds the search route to {@code router}. */
  public void mount(Router router) {
    router.get("/search").handler(share).handler(this::search);
  }

  private void search(RoutingContext rc) {
    reply(
        rc, service.parse(params(rc.queryParams())).compose(service::search), SearchResult::toJson);
  }

  /**
   * Ends the request with the answer as JSON, or fails it with the problem a bad query is (local
   * and federated search answer alike).
   */
  public static <T> void reply(RoutingContext rc, Future<T> answer, Function<T, JsonObject> json) {
    answer
        .recover(SearchRoutes::asProblem)
        .onSuccess(
            result ->
                rc.response()
                    .putHeader("Content-Type", "application/json")
                    .end(json.apply(result).encode()))
        .onFailure(rc::fail);
  }

  /**
   * A failed search as the answer's problem: a bad query is a 400 listing each problem; anything
   * else fails as it is. Federated search answers bad queries the same way.
   */
  public static <T> Future<T> asProblem(Throwable failure) {
    if (failure instanceof InvalidSearchQuery e) {
      return Future.failedFuture(
          new Problem(
              "bad-search",
              400,
              "Bad search request",
              e.getMessage(),
              new JsonObject().put("problems", new JsonArray(e.problems()))));
    }
    return Future.failedFuture(failure);
  }

  /** The query parameters as the search query parser takes them, in request order. */
  public static Map<String, List<String>> params(MultiMap query) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (String name : query.names()) {
      params.put(name, query.getAll(name));
    }
    return params;
  }
}
