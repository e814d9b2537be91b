package network.baton.node.web;

import static java.util.Objects.requireNonNull;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import network.baton.credential.http.Problem;
import network.baton.credential.http.ProblemHandler;
import network.baton.node.NodeContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every page shares: the model each template starts from (texts, language switch, the node's
 * name and identity), rendering and sending the HTML, and the one error page that every page's
 * failures become.
 */
final class PageShell {

  private static final Logger log = LoggerFactory.getLogger(PageShell.class);

  private final NodeContext node;
  private final PageRenderer renderer;
  private final Messages messages;

  /** The shell of node's pages, with the texts of messages, rendered on the node's read workers. */
  PageShell(NodeContext node, Messages messages) {
    this.node = requireNonNull(node, "node");
    this.messages = requireNonNull(messages, "messages");
    this.renderer = new PageRenderer(node.vertx(), node.work().read());
  }

  /** The route answered by handlers, each failure on it answered by the error page. */
  @SafeVarargs
  final void page(Route route, Handler<RoutingContext>... handlers) {
    for (Handler<RoutingContext> handler : handlers) {
      route.handler(handler);
    }
    route.failureHandler(this::error);
  }

  /** The model every template reads, for this page in this language. */
  Map<String, Object> model(RoutingContext rc, PageLanguage language, String page) {
    Map<String, Object> model = new HashMap<>();
    model.put("t", messages.all(language));
    model.put("lang", language.tag());
    model.put("otherLang", language.other().tag());
    model.put("page", page);
    model.put("switchHref", switchLink(rc, language.other()));
    model.put("nodeName", node.config().identity().name());
    model.put(
        "institution",
        node.config().identity().institution() == null
            ? ""
            : node.config().identity().institution());
    model.put("baseUrl", node.config().server().baseUrl().toString());
    model.put("did", node.config().identity().did() == null ? "" : node.config().identity().did());
    return model;
  }

  /** The template filled from model. */
  Future<String> render(Map<String, Object> model, String template) {
    return renderer.render(model, template);
  }

  /** Renders the template and sends it with status; a failure fails the page. */
  void reply(RoutingContext rc, int status, Map<String, Object> model, String template) {
    render(model, template).onSuccess(html -> send(rc, status, html)).onFailure(rc::fail);
  }

  /** Sends a rendered page. */
  static void send(RoutingContext rc, int status, String html) {
    rc.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Cache-Control", "no-cache")
        .end(html);
  }

  private static String switchLink(RoutingContext rc, PageLanguage to) {
    List<Map.Entry<String, String>> params = new ArrayList<>();
    if (rc.request().method().name().equals("GET")) {
      rc.queryParams()
          .forEach(
              e -> {
                if (!e.getKey().equals(PageLanguage.PARAM)) {
                  params.add(new SimpleEntry<>(e.getKey(), e.getValue()));
                }
              });
    }
    params.add(new SimpleEntry<>(PageLanguage.PARAM, to.tag()));
    return Links.of(rc.request().path(), params);
  }

  /** Every failure on a page becomes an HTML page with the status and a plain reason. */
  void error(RoutingContext rc) {
    if (ProblemHandler.clientGone(rc)) {
      log.info("client gone before the page [path: {}]", rc.request().path());
      return;
    }
    Problem problem = node.problems().toProblem(rc);
    if (problem.status() >= 500) {
      log.error(
          "page failed [path: {}, status: {}]",
          rc.request().path(),
          problem.status(),
          rc.failure());
    } else {
      log.info(
          "page refused [path: {}, status: {}, detail: {}]",
          rc.request().path(),
          problem.status(),
          problem.getMessage());
    }
    if (rc.response().headWritten()) {
      rc.response().reset();
      return;
    }
    PageLanguage language = PageLanguage.choose(rc);
    Map<String, Object> model = model(rc, language, "error");
    model.put("status", problem.status());
    String key = "error." + problem.status();
    model.put(
        "title",
        messages.all(language).getOrDefault(key, messages.all(language).get("error.other")));
    model.put(
        "detail",
        problem.status() >= 500
            ? messages.all(language).get("error.serverDetail")
            : problem.getMessage());
    render(model, "error")
        .onSuccess(
            html -> {
              // A request whose stream broke can fail twice (the decoding error, then the closed
              // connection): the first page answers it.
              if (!rc.response().headWritten() && !rc.response().closed()) {
                // Retry-After on a busy queue or a client over its share, as the API sends it.
                problem.headers().forEach(rc.response()::putHeader);
                send(rc, problem.status(), html);
              }
            })
        .onFailure(
            e -> {
              log.error("error page failed [path: {}]", rc.request().path(), e);
              rc.response().setStatusCode(problem.status()).end();
            });
  }
}
