package network.baton.node.sparql;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import network.baton.credential.http.Problem;
import network.baton.node.http.FormBody;
import network.baton.vocab.StrictUtf8;

/** GET|POST /sparql per the SPARQL 1.1 Protocol, query operation only (updates are refused). */
public final class SparqlRoutes {

  private final SparqlService service;
  private final Handler<RoutingContext> body;
  private final Handler<RoutingContext> share;

  /**
   * Routes over service; POST bodies go through the node's one BodyHandler, and share holds each
   * client to its part of the SPARQL queue.
   */
  public SparqlRoutes(
      SparqlService service, Handler<RoutingContext> body, Handler<RoutingContext> share) {
    this.service = service;
    this.body = body;
    this.share = share;
  }

  /** Adds /sparql. */
  public void mount(Router router) {
    router.get("/sparql").handler(share).handler(this::get);
    router
        .post("/sparql")
        .handler(share)
        .handler(QueryTextLimit.declaredLength(service.limits().maxQueryBytes()))
        .handler(body)
        .handler(this::post);
  }

  /** The problem an update request gets. */
  static Problem readOnly() {
    return new Problem(
        "read-only",
        403,
        "Read-only endpoint",
        "this SPARQL endpoint answers queries only; updates are refused");
  }

  private void get(RoutingContext rc) {
    if (rc.queryParams().contains("update")) {
      rc.fail(readOnly());
      return;
    }
    String query = rc.queryParams().get("query");
    if (QueryTextLimit.over(query, service.limits().maxQueryBytes())) {
      rc.fail(QueryTextLimit.tooLong(414, service.limits().maxQueryBytes()));
      return;
    }
    answer(rc, query, QueryDataset.of(rc.queryParams()));
  }

  private void post(RoutingContext rc) {
    String header = rc.request().getHeader("Content-Type");
    String type = header == null ? "" : header.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    switch (type) {
      case "application/sparql-query" ->
          answerPosted(rc, text(rc), QueryDataset.of(rc.queryParams()));
      case "application/x-www-form-urlencoded" -> {
        MultiMap form = FormBody.parse(rc.body().buffer());
        if (form.contains("update")) {
          rc.fail(readOnly());
          return;
        }
        answerPosted(rc, form.get("query"), QueryDataset.of(form));
      }
      case "application/sparql-update" -> rc.fail(readOnly());
      default ->
          rc.fail(
              new Problem(
                  "unsupported-media-type",
                  415,
                  "Unsupported media type",
                  "POST application/sparql-query or application/x-www-form-urlencoded"
                      + (type.isEmpty() ? "" : ", not " + type)));
    }
  }

  private void answerPosted(RoutingContext rc, String query, QueryDataset dataset) {
    if (QueryTextLimit.over(query, service.limits().maxQueryBytes())) {
      rc.fail(QueryTextLimit.tooLong(413, service.limits().maxQueryBytes()));
      return;
    }
    answer(rc, query, dataset);
  }

  private void answer(RoutingContext rc, String query, QueryDataset dataset) {
    QueryRun run = new QueryRun();
    // Fails when the connection closed before the answer was sent: the client has gone.
    rc.addEndHandler(
        done -> {
          if (done.failed()) {
            run.clientGone();
          }
        });
    service
        .query(query, dataset, rc.parsedHeaders().accept(), run)
        .onSuccess(
            answer -> {
              if (!run.isClientGone()) {
                rc.response()
                    .putHeader("Content-Type", answer.mediaType() + "; charset=utf-8")
                    .putHeader("Vary", "Accept")
                    .end(Buffer.buffer(answer.body()));
              }
            })
        .onFailure(
            failure -> {
              // Nobody is left to tell when the client has gone.
              if (!run.isClientGone() && !(failure instanceof QueryRun.Abandoned)) {
                rc.fail(failure);
              }
            });
  }

  private static String text(RoutingContext rc) {
    return rc.body().buffer() == null ? "" : StrictUtf8.decode(rc.body().buffer().getBytes());
  }
}
