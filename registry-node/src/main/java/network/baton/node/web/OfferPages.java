package network.baton.node.web;

import static java.util.Objects.requireNonNull;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Optional;
import network.baton.credential.http.Problem;
import network.baton.node.NodeContext;
import network.baton.node.NodeServices;
import network.baton.node.openid4vci.OfferService;

/**
 * A graduate's credential offer: the {@code openid-credential-offer://} link and its QR code for a
 * wallet, the course and the expiry; 410 once the offer is used or has expired. The page's query
 * carries the pre-authorized code (the node keeps only its hash), so the page is never stored by a
 * cache; an unknown offer and a wrong code are the same 404.
 */
final class OfferPages {

  private final NodeContext node;
  private final Optional<OfferService> offers;
  private final Handler<RoutingContext> share;
  private final PageShell shell;
  private final Messages messages;

  /** The offer page of node, over the offer service registered on it (none: every offer 404s). */
  OfferPages(NodeContext node, PageShell shell, Messages messages) {
    this.node = requireNonNull(node, "node");
    this.offers = node.services().find(NodeServices.CREDENTIAL_OFFERS);
    this.share = node.work().share(node.work().credentials());
    this.shell = requireNonNull(shell, "shell");
    this.messages = requireNonNull(messages, "messages");
  }

  /** Adds GET /offers/{id}. */
  void mount(Router router) {
    shell.page(router.get("/offers/:id"), share, this::offer);
  }

  private void offer(RoutingContext rc) {
    PageLanguage language = PageLanguage.choose(rc);
    String id = rc.pathParam("id");
    String code = rc.queryParams().get("code");
    offers
        .map(service -> service.view(id, code))
        .orElseGet(() -> Future.succeededFuture(Optional.empty()))
        .compose(
            view ->
                view.isEmpty()
                    ? Future.failedFuture(
                        Problem.notFound(messages.format(language, "error.noOffer")))
                    : node.work()
                        .read()
                        .executeBlocking(() -> OfferPageView.of(view.get(), language), false))
        .compose(
            view -> {
              Map<String, Object> model = shell.model(rc, language, "offer");
              model.put("offer", view);
              return shell.render(model, "offer").map(html -> Map.entry(view.open(), html));
            })
        .onSuccess(
            page ->
                rc.response()
                    .setStatusCode(page.getKey() ? 200 : 410)
                    .putHeader("Content-Type", "text/html; charset=utf-8")
                    .putHeader("Cache-Control", "no-store")
                    .end(page.getValue()))
        .onFailure(rc::fail);
  }
}
