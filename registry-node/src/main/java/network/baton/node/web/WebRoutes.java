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
import io.vertx.ext.web.handler.StaticHandler;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
import network.baton.node.federation.Member;
import network.baton.node.federation.MemberDirectory;
import network.baton.node.federation.search.FederatedSearch;
import network.baton.node.http.FormBody;
import network.baton.node.http.NodePrefixes;
import network.baton.node.openid4vci.OfferService;
import network.baton.node.resources.ResourceFormat;
import network.baton.node.resources.ResourceService;
import network.baton.node.search.InvalidSearchQuery;
import network.baton.node.search.SearchRoutes;
import network.baton.node.search.SearchService;
import network.baton.node.store.StoredResource;
import network.baton.vocab.JsonLimits;
import network.baton.vocab.Skill;
import org.apache.jena.shared.PrefixMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web pages: home, catalogue, network search, the resource page, verify, the skill framework,
 * and a graduate's credential offer (one class over 400 lines: the pages share the model, the
 * language switch, the per-client shares and the one error page, and each page is a short flat
 * chain). Server-rendered, working without scripts; texts in Japanese and English. Each page calls
 * the node's services in-process (resources, search, federated search, credentials: the same
 * service methods the API routes call) and passes the same per-client share of the same work queue
 * as the API route it stands for, so a page request counts for the client who sent it.
 */
public final class WebRoutes {

  private static final Logger log = LoggerFactory.getLogger(WebRoutes.class);

  /**
   * Largest verify form accepted, or the node's body limit when that is lower (a presentation with
   * a few credentials is far smaller).
   */
  public static final long VERIFY_FORM_LIMIT = 256 * 1024;

  /** Marks a request whose resource page this class answers (so its failures are pages too). */
  private static final String RESOURCE_PAGE = "baton.web.resourcePage";

  private final NodeContext node;
  private final MemberDirectory members;
  private final ResourceService resources;
  private final Optional<SearchService> search;
  private final Optional<FederatedSearch> federatedSearch;
  private final Optional<VerificationService> credentials;
  private final Optional<OfferService> offers;
  private final Handler<RoutingContext> searchShare;
  private final Handler<RoutingContext> credentialShare;
  private final JsonLimits limits;
  private final PageRenderer pages;
  private final Labels labels;
  private final Messages messages;
  private final PrefixMapping prefixes = NodePrefixes.standard();

  /** Pages for node and its network's members, over the services registered on node. */
  public WebRoutes(
      NodeContext node,
      MemberDirectory members,
      PageRenderer pages,
      Labels labels,
      Messages messages) {
    this.node = requireNonNull(node, "node");
    this.members = requireNonNull(members, "members");
    this.resources = node.services().get(NodeServices.RESOURCES);
    this.search = node.services().find(NodeServices.SEARCH);
    this.federatedSearch = node.services().find(NodeServices.FEDERATED_SEARCH);
    this.credentials = node.services().find(NodeServices.VERIFICATION);
    this.offers = node.services().find(NodeServices.CREDENTIAL_OFFERS);
    this.searchShare = node.work().share(node.work().search());
    this.credentialShare = node.work().share(node.work().credentials());
    this.limits = node.config().input().json();
    this.pages = requireNonNull(pages, "pages");
    this.labels = requireNonNull(labels, "labels");
    this.messages = requireNonNull(messages, "messages");
  }

  /** Adds the page routes; the resource page comes before the linked-data routes of /resources. */
  public void mount(Router router) {
    router.get("/assets/*").handler(StaticHandler.create("network/baton/node/web/assets"));
    router.get("/").handler(searchShare).handler(this::home).failureHandler(this::error);
    router
        .get("/catalogue")
        .handler(searchShare)
        .handler(this::catalogue)
        .failureHandler(this::error);
    router.get("/network").handler(searchShare).handler(this::network).failureHandler(this::error);
    router
        .get("/verify")
        .handler(credentialShare)
        .handler(this::verifyForm)
        .failureHandler(this::error);
    router
        .post("/verify")
        .handler(credentialShare)
        .handler(
            BodyHandler.create(false)
                .setBodyLimit(Math.min(VERIFY_FORM_LIMIT, node.config().server().bodyLimitBytes()))
                .setHandleFileUploads(false))
        .handler(this::verify)
        .failureHandler(this::error);
    router.get("/skills").handler(this::skills).failureHandler(this::error);
    router
        .get("/offers/:id")
        .handler(credentialShare)
        .handler(this::offer)
        .failureHandler(this::error);
    router
        .get("/skills/:notation")
        .handler(searchShare)
        .handler(this::skill)
        .failureHandler(this::error);
    // Order 0 puts the page after the security headers and the access log (negative orders) and
    // before ResourceRoutes; any request not asking for HTML goes on to the linked-data routes.
    router
        .get("/resources/:id")
        .order(0)
        .handler(this::resource)
        .failureHandler(this::resourceError);
  }

  private void home(RoutingContext rc) {
    PageLanguage language = PageLanguage.choose(rc);
    MultiMap overview = MultiMap.caseInsensitiveMultiMap().add("limit", "1");
    localSearch(overview)
        .otherwise(new JsonObject())
        .compose(
            answer -> {
              Map<String, Object> model = model(rc, language, "home");
              model.put("resourceCount", answer.getLong("total", 0L));
              SearchView facets =
                  SearchView.of(
                      new SearchForm("", Map.of(), ""), answer, "/catalogue", labels, language);
              model.put("facets", facets.facets());
              model.put("members", memberRows());
              return pages.render(model, "home");
            })
        .onSuccess(html -> send(rc, 200, html))
        .onFailure(rc::fail);
  }

  private void catalogue(RoutingContext rc) {
    search(rc, "catalogue", "/catalogue", this::localSearch);
  }

  private void network(RoutingContext rc) {
    search(rc, "network", "/network", this::networkSearch);
  }

  // Local search as GET /search answers it (its JSON shape is what the views read); without a text
  // index there is no search (the API has no /search then), and the page fails as it always has.
  private Future<JsonObject> localSearch(MultiMap params) {
    return search
        .map(service -> searched(params, service::parse, service::search, r -> r.toJson()))
        .orElseGet(() -> Future.failedFuture(searchFailed("this node has no search")));
  }

  // Federated search as GET /federation/search answers it.
  private Future<JsonObject> networkSearch(MultiMap params) {
    return federatedSearch
        .map(service -> searched(params, service::parse, service::search, r -> r.toJson()))
        .orElseGet(() -> Future.failedFuture(searchFailed("this node has no federated search")));
  }

  private static <Q, R> Future<JsonObject> searched(
      MultiMap params,
      Function<Map<String, List<String>>, Future<Q>> parse,
      Function<Q, Future<R>> run,
      Function<R, JsonObject> json) {
    return parse.apply(SearchRoutes.params(params)).compose(run).map(json);
  }

  private static Problem searchFailed(String detail) {
    return new Problem("search-failed", 502, "Search failed", detail);
  }

  private void search(
      RoutingContext rc,
      String page,
      String path,
      Function<MultiMap, Future<JsonObject>> searcher) {
    PageLanguage language = PageLanguage.choose(rc);
    SearchForm form = SearchForm.from(rc.queryParams());
    Future<SearchView> view =
        form.isEmpty() && page.equals("network")
            ? Future.succeededFuture(SearchView.refused(form, List.of()))
            : searchView(form, searcher.apply(form.apiParams()), path, language);
    view.compose(
            result -> {
              Map<String, Object> model = model(rc, language, page);
              model.put("path", path);
              model.put("form", form);
              model.put("result", result);
              model.put("skillChoices", SkillTree.of(labels.skills(), language));
              return pages.render(model, "search");
            })
        .onSuccess(html -> send(rc, view.result().problems().isEmpty() ? 200 : 400, html))
        .onFailure(rc::fail);
  }

  // A bad query is the form again with each problem listed; a search that failed otherwise fails
  // the page.
  private Future<SearchView> searchView(
      SearchForm form, Future<JsonObject> answer, String path, PageLanguage language) {
    return answer
        .map(json -> SearchView.of(form, json, path, labels, language))
        .recover(
            failure ->
                failure instanceof InvalidSearchQuery e
                    ? Future.succeededFuture(SearchView.refused(form, e.problems()))
                    : Future.failedFuture(failure));
  }

  private void verifyForm(RoutingContext rc) {
    PageLanguage language = PageLanguage.choose(rc);
    Map<String, Object> model = model(rc, language, "verify");
    model.put("input", "");
    offerChallenge(rc, model)
        .compose(ignored -> pages.render(model, "verify"))
        .onSuccess(html -> send(rc, 200, html))
        .onFailure(rc::fail);
  }

  // The node accepts presentations only for challenges it handed out (as POST /challenges does),
  // each once: the form offers a fresh one for the holder to present for. Without one (the node
  // has no credentials), the fields stay empty and a credential can still be checked.
  private Future<Void> offerChallenge(RoutingContext rc, Map<String, Object> model) {
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
    Map<String, Object> model = model(rc, language, "verify");
    model.put("input", text == null ? "" : text);
    model.put("challenge", Optional.ofNullable(form.get("challenge")).orElse(""));
    model.put("domain", Optional.ofNullable(form.get("domain")).orElse(""));
    VerifyInput input;
    try {
      input = VerifyInput.of(text, form.get("challenge"), form.get("domain"));
    } catch (VerifyInput.Unusable e) {
      model.put("inputError", messages.all(language).get(e.key()));
      model.put("inputDetail", e.getMessage());
      pages.render(model, "verify").onSuccess(html -> send(rc, 400, html)).onFailure(rc::fail);
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
                offerChallenge(rc, model)
                    .compose(ignored -> pages.render(model, "verify"))
                    .map(html -> Map.entry(ok, html)))
        .onSuccess(page -> send(rc, page.getKey() ? 200 : 400, page.getValue()))
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

  // A graduate's credential offer: the link and its QR code for a wallet, 410 once it is used or
  // has expired. The page's query carries the pre-authorized code (the node keeps only its hash),
  // so the page is never stored by a cache; an unknown offer and a wrong code are the same 404.
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
              Map<String, Object> model = model(rc, language, "offer");
              model.put("offer", view);
              return pages.render(model, "offer").map(html -> Map.entry(view.open(), html));
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

  private void skills(RoutingContext rc) {
    PageLanguage language = PageLanguage.choose(rc);
    Map<String, Object> model = model(rc, language, "skills");
    model.put("tree", SkillTree.of(labels.skills(), language));
    pages.render(model, "skills").onSuccess(html -> send(rc, 200, html)).onFailure(rc::fail);
  }

  private void skill(RoutingContext rc) {
    PageLanguage language = PageLanguage.choose(rc);
    String notation = rc.pathParam("notation");
    Optional<Skill> found = labels.skills().byNotation(notation);
    if (found.isEmpty()) {
      rc.fail(Problem.notFound(messages.format(language, "error.noSkill", notation)));
      return;
    }
    Skill skill = found.get();
    SearchForm form = new SearchForm("", Map.of("skill", List.of(skill.iri())), "");
    searchView(form, networkSearch(form.apiParams()), "/network", language)
        .compose(
            material -> {
              Map<String, Object> model = model(rc, language, "skills");
              model.put("skill", SkillTree.of(labels.skills(), skill, language));
              model.put("broader", SkillTree.path(labels.skills(), skill, language));
              model.put("material", material);
              model.put("networkHref", form.link("/network"));
              return pages.render(model, "skill");
            })
        .onSuccess(html -> send(rc, 200, html))
        .onFailure(rc::fail);
  }

  private void resource(RoutingContext rc) {
    String asked = rc.queryParams().get("format");
    boolean html =
        asked != null
            ? asked.equals(ResourceFormat.HTML.shortName())
            : ResourceFormat.negotiate(rc.parsedHeaders().accept())
                .map(f -> f == ResourceFormat.HTML)
                .orElse(false);
    if (!html) {
      rc.next();
      return;
    }
    rc.put(RESOURCE_PAGE, true);
    PageLanguage language = PageLanguage.choose(rc);
    String id = rc.pathParam("id");
    resources
        .get(id)
        .compose(stored -> view(stored, language))
        .compose(
            view -> {
              Map<String, Object> model = model(rc, language, "catalogue");
              model.put("resource", view);
              return pages.render(model, "resource");
            })
        .onSuccess(
            page -> {
              rc.response().putHeader("Vary", "Accept, Cookie, Accept-Language");
              send(rc, 200, page);
            })
        .onFailure(rc::fail);
  }

  // The resource with the names of what it links to, each in the reader's language when it has one.
  private Future<ResourceView> view(StoredResource stored, PageLanguage language) {
    List<String> linked = ResourceView.linkedIris(stored.graph(), stored.iri());
    return resources
        .names(linked)
        .map(
            names ->
                ResourceView.of(
                    stored.graph(),
                    stored.iri(),
                    labels,
                    language,
                    iri -> ResourceView.pick(names.getOrDefault(iri, Map.of()), language),
                    prefixes));
  }

  private List<Map<String, String>> memberRows() {
    List<Map<String, String>> rows = new ArrayList<>();
    for (Member member : members.members()) {
      Map<String, String> row = new LinkedHashMap<>();
      row.put("name", member.name() == null ? member.did() : member.name());
      row.put("url", member.baseUrl().toString());
      row.put("did", member.did());
      row.put("roles", member.roles().stream().map(Enum::name).sorted().toList().toString());
      rows.add(row);
    }
    return rows;
  }

  private Map<String, Object> model(RoutingContext rc, PageLanguage language, String page) {
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

  private static void send(RoutingContext rc, int status, String html) {
    rc.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Cache-Control", "no-cache")
        .end(html);
  }

  // The failure handler of GET /resources/:id also sees the failures of the linked-data route
  // behind it: those stay problem+json, only the page's own failures become pages.
  private void resourceError(RoutingContext rc) {
    if (Boolean.TRUE.equals(rc.get(RESOURCE_PAGE))) {
      error(rc);
    } else {
      rc.next();
    }
  }

  /** Every failure on a page becomes an HTML page with the status and a plain reason. */
  private void error(RoutingContext rc) {
    if (network.baton.credential.http.ProblemHandler.clientGone(rc)) {
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
    pages
        .render(model, "error")
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
