package network.baton.node.federation.search;

import static java.util.Objects.requireNonNull;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import network.baton.credential.http.Problem;
import network.baton.node.search.SearchRoutes;
import network.baton.node.sparql.QueryTextLimit;

/**
 * {@code GET /federation/search} and {@code POST /federation/sparql}. A request to either that
 * already carries the hop header came from a federating node and is refused (400): federated
 * requests are never federated again.
 */
public final class FederationRoutes {

  private final FederatedSearch search;
  private final FederatedSparql sparql;
  private final Handler<RoutingContext> body;
  private final FederationLimits limits;
  private final long maxQueryBytes;
  private final Handler<RoutingContext> searchShare;
  private final Handler<RoutingContext> sparqlShare;

  /**
   * Routes over the two services; POST bodies go through the node's one BodyHandler, and a SPARQL
   * query text may be at most maxQueryBytes long (413 past it). Each federated request costs a call
   * to every member, so a client has only its share of them in flight: searchShare and sparqlShare
   * (platform handlers: they run first).
   */
  public FederationRoutes(
      FederatedSearch search,
      FederatedSparql sparql,
      Handler<RoutingContext> body,
      FederationLimits limits,
      long maxQueryBytes,
      Handler<RoutingContext> searchShare,
      Handler<RoutingContext> sparqlShare) {
    this.search = requireNonNull(search, "search");
    this.sparql = requireNonNull(sparql, "sparql");
    this.body = requireNonNull(body, "body");
    this.limits = requireNonNull(limits, "limits");
    this.maxQueryBytes = maxQueryBytes;
    this.searchShare = requireNonNull(searchShare, "searchShare");
    this.sparqlShare = requireNonNull(sparqlShare, "sparqlShare");
  }

  /** Adds the federation routes. */
  public void mount(Router router) {
    // Only the fan-out routes: /federation/membership (exchanged between peers) is not refused.
    router
        .get("/federation/search")
        .handler(searchShare)
        .handler(FederationRoutes::refuseSecondHop)
        .handler(this::search);
    router
        .post("/federation/sparql")
        .handler(sparqlShare)
        .handler(QueryTextLimit.declaredLength(maxQueryBytes))
        .handler(body)
        .handler(FederationRoutes::refuseSecondHop)
        .handler(this::sparql);
  }

  private static void refuseSecondHop(RoutingContext rc) {
    if (rc.request().getHeader(MemberClient.HOP_HEADER) != null) {
      rc.fail(
          new Problem(
              "hop-limit",
              400,
              "Hop limit reached",
              "this request came from a federating node; federated requests are not federated"
                  + " again (ask /search or /sparql instead)"));
      return;
    }
    rc.next();
  }

  private void search(RoutingContext rc) {
    SearchRoutes.reply(
        rc,
        search.parse(SearchRoutes.params(rc.queryParams())).compose(search::search),
        FederatedSearchResult::toJson);
  }

  private void sparql(RoutingContext rc) {
    String header = rc.request().getHeader("Content-Type");
    String type = header == null ? "" : header.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    MultiMap form = rc.request().formAttributes();
    String query;
    switch (type) {
      case "application/sparql-query" -> query = rc.body().asString();
      case "application/x-www-form-urlencoded" -> query = form.get("query");
      default -> {
        rc.fail(
            new Problem(
                "unsupported-media-type",
                415,
                "Unsupported media type",
                "POST application/sparql-query or application/x-www-form-urlencoded"));
        return;
      }
    }
    List<String> members = new ArrayList<>();
    for (String value : concat(rc.queryParams().getAll("members"), form.getAll("members"))) {
      for (String part : value.split(",")) {
        if (!part.isBlank()) {
          members.add(part.strip());
        }
      }
    }
    if (QueryTextLimit.over(query, maxQueryBytes)) {
      rc.fail(QueryTextLimit.tooLong(413, maxQueryBytes));
      return;
    }
    long deadline;
    try {
      deadline = deadline(concat(rc.queryParams().getAll("deadline"), form.getAll("deadline")));
    } catch (Problem e) {
      rc.fail(e);
      return;
    }
    sparql
        .select(query, members, deadline)
        .onSuccess(
            result ->
                rc.response()
                    .putHeader("Content-Type", "application/sparql-results+json; charset=utf-8")
                    .end(result.toJson().encode()))
        .onFailure(rc::fail);
  }

  private long deadline(List<String> values) {
    long max = limits.maxDeadline().toMillis();
    if (values.isEmpty()) {
      return limits.defaultDeadline().toMillis();
    }
    try {
      long deadline = Long.parseLong(values.get(0).strip());
      if (values.size() == 1 && deadline >= 1 && deadline <= max) {
        return deadline;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw Problem.badRequest("deadline must be given once, as 1 to " + max + " milliseconds");
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
