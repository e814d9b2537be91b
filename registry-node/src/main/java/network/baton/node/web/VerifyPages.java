package network.baton.node.web;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import network.baton.credential.http.CredentialRoutes;
import network.baton.credential.http.JsonTrees;
import network.baton.credential.http.Problem;
import network.baton.credential.verify.VerificationReport;
import network.baton.credential.verify.VerificationService;
import network.baton.node.NodeContext;
import network.baton.node.NodeServices;
import network.baton.node.http.FormBody;
import network.baton.vocab.JsonLimits;

/**
 * The verify page: a form to paste a credential or a presentation into, and its report. It calls
 * the same verification the credential routes do ({@code POST /credentials/verify}, {@code POST
 * /presentations/verify}), in-process, on the credential work queue and with the client's share of
 * it; a request those routes would refuse is the form again with the reason.
 */
final class VerifyPages {

  /**
   * Largest verify form accepted, or the node's body limit when that is lower (a presentation with
   * a few credentials is far smaller).
   */
  static final long FORM_LIMIT = 256 * 1024;

  private final NodeContext node;
  private final Optional<VerificationService> credentials;
  private final Handler<RoutingContext> share;
  private final JsonLimits limits;
  private final PageShell shell;
  private final Labels labels;
  private final Messages messages;

  /** The verify page of node, over the verification service registered on it. */
  VerifyPages(NodeContext node, PageShell shell, Labels labels, Messages messages) {
    this.node = requireNonNull(node, "node");
    this.credentials = node.services().find(NodeServices.VERIFICATION);
    this.share = node.work().share(node.work().credentials());
    this.limits = node.config().input().json();
    this.shell = requireNonNull(shell, "shell");
    this.labels = requireNonNull(labels, "labels");
    this.messages = requireNonNull(messages, "messages");
  }

  /** Adds GET and POST /verify. */
  void mount(Router router) {
    shell.page(router.get("/verify"), share, this::form);
    shell.page(
        router.post("/verify"),
        share,
        BodyHandler.create(false)
            .setBodyLimit(Math.min(FORM_LIMIT, node.config().server().bodyLimitBytes()))
            .setHandleFileUploads(false),
        this::verify);
  }

  private void form(RoutingContext rc) {
    PageLanguage language = PageLanguage.choose(rc);
    Map<String, Object> model = shell.model(rc, language, "verify");
    model.put("input", "");
    offerChallenge(model)
        .compose(ignored -> shell.render(model, "verify"))
        .onSuccess(html -> PageShell.send(rc, 200, html))
        .onFailure(rc::fail);
  }

  // The node accepts presentations only for challenges it handed out (as POST /challenges does),
  // each once: the form offers a fresh one for the holder to present for. Without one (the node
  // has no credentials), the fields stay empty and a credential can still be checked.
  private Future<Void> offerChallenge(Map<String, Object> model) {
    return credentialWork(service -> service.newChallenge(null))
        .map(
            challenge -> {
              model.put("challenge", challenge.value());
              model.put("domain", challenge.domain());
              model.put("challengeExpires", challenge.expires().toString());
              return (Void) null;
            })
        .recover(
            e -> {
              model.put("challenge", "");
              model.put("domain", "");
              return Future.succeededFuture();
            });
  }

  private void verify(RoutingContext rc) {
    PageLanguage language = PageLanguage.choose(rc);
    MultiMap form = FormBody.parse(rc.body().buffer());
    String text = form.get("credential");
    Map<String, Object> model = shell.model(rc, language, "verify");
    model.put("input", text == null ? "" : text);
    model.put("challenge", Optional.ofNullable(form.get("challenge")).orElse(""));
    model.put("domain", Optional.ofNullable(form.get("domain")).orElse(""));
    VerifyInput input;
    try {
      input = VerifyInput.of(text, form.get("challenge"), form.get("domain"));
    } catch (VerifyInput.Unusable e) {
      model.put("inputError", messages.all(language).get(e.key()));
      model.put("inputDetail", e.getMessage());
      shell.reply(rc, 400, model, "verify");
      return;
    }
    JsonNode request = JsonTrees.toTree(input.body());
    String pasted = text;
    credentialWork(
            service -> {
              // The shape limits the verify routes hold a body to, before anything is expanded.
              limits.check(pasted);
              return input.isPresentation()
                  ? CredentialRoutes.verifyPresentation(service, request)
                  : CredentialRoutes.verifyCredential(service, request);
            })
        .map(report -> verified(report, model, language))
        .recover(failure -> refused(failure, model, language))
        .compose(
            ok ->
                // The challenge just sent is used up: offer a fresh one for the next presentation.
                offerChallenge(model)
                    .compose(ignored -> shell.render(model, "verify"))
                    .map(html -> Map.entry(ok, html)))
        .onSuccess(page -> PageShell.send(rc, page.getKey() ? 200 : 400, page.getValue()))
        .onFailure(rc::fail);
  }

  private boolean verified(
      VerificationReport report, Map<String, Object> model, PageLanguage language) {
    JsonObject json = CredentialRoutes.reportJson(report);
    model.put("report", VerificationView.of(json, labels, messages, language));
    return true;
  }

  // A request the verify routes would refuse (4xx) is the form again with the reason; anything
  // else fails the page.
  private Future<Boolean> refused(
      Throwable failure, Map<String, Object> model, PageLanguage language) {
    Throwable mapped = CredentialRoutes.problem(failure);
    if (mapped instanceof Problem problem && problem.status() < 500) {
      model.put("inputError", messages.all(language).get("verify.error.refused"));
      model.put("inputDetail", problem.getMessage());
      return Future.succeededFuture(false);
    }
    return Future.failedFuture(mapped);
  }

  // Credential work runs on the credential queue, as the credential routes' does.
  private <T> Future<T> credentialWork(Function<VerificationService, T> work) {
    if (credentials.isEmpty()) {
      return Future.failedFuture(
          Problem.notFound("this node does not verify credentials (it has no key passphrase)"));
    }
    VerificationService service = credentials.get();
    Callable<T> task = () -> work.apply(service);
    return node.work().credentials().executeBlocking(task, false);
  }
}
