package network.baton.node.web;

import static java.util.Objects.requireNonNull;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import network.baton.credential.http.Problem;
import network.baton.node.NodeContext;
import network.baton.node.NodeServices;
import network.baton.node.federation.Member;
import network.baton.node.federation.MemberDirectory;
import network.baton.node.federation.search.FederatedSearch;
import network.baton.node.http.NodePrefixes;
import network.baton.node.resources.ResourceFormat;
import network.baton.node.resources.ResourceService;
import network.baton.node.search.InvalidSearchQuery;
import network.baton.node.search.SearchRoutes;
import network.baton.node.search.SearchService;
import network.baton.node.store.StoredResource;
import network.baton.vocab.Skill;
import org.apache.jena.shared.PrefixMapping;

/**
 * The catalogue pages: home, catalogue, network search, the resource page and the skill framework
 * (the verify page is {@link VerifyPages}). Server-rendered, working without scripts; texts in
 * Japanese and English. Each page calls the node's services in-process (resources, search,
 * federated search: the same service methods the API routes call) and passes the same per-client
 * share of the same work queue as the API route it stands for, so a page request counts for the
 * client who sent it.
 */
public final class WebRoutes {

  /** Marks a request whose resource page this class answers (so its failures are pages too). */
  private static final String RESOURCE_PAGE = "baton.web.resourcePage";

  private final MemberDirectory members;
  private final ResourceService resources;
  private final Optional<SearchService> search;
  private final Optional<FederatedSearch> federatedSearch;
  private final Handler<RoutingContext> searchShare;
  private final PageShell shell;
  private final Labels labels;
  private final Messages messages;
  private final PrefixMapping prefixes = NodePrefixes.standard();

  /** Pages for node and its network's members, over the services registered on node. */
  WebRoutes(
      NodeContext node,
      MemberDirectory members,
      PageShell shell,
      Labels labels,
      Messages messages) {
    this.members = requireNonNull(members, "members");
    this.resources = node.services().get(NodeServices.RESOURCES);
    this.search = node.services().find(NodeServices.SEARCH);
    this.federatedSearch = node.services().find(NodeServices.FEDERATED_SEARCH);
    this.searchShare = node.work().share(node.work().search());
    this.shell = requireNonNull(shell, "shell");
    this.labels = requireNonNull(labels, "labels");
    this.messages = requireNonNull(messages, "messages");
  }

  /** Adds the page routes; the resource page comes before the linked-data routes of /resources. */
  public void mount(Router router) {
    router.get("/assets/*").handler(StaticHandler.create("network/baton/node/web/assets"));
    shell.page(router.get("/"), searchShare, this::home);
    shell.page(router.get("/catalogue"), searchShare, this::catalogue);
    shell.page(router.get("/network"), searchShare, this::network);
    shell.page(router.get("/skills"), this::skills);
    shell.page(router.get("/skills/:notation"), searchShare, this::skill);
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
              Map<String, Object> model = shell.model(rc, language, "home");
              model.put("resourceCount", answer.getLong("total", 0L));
              SearchView facets =
                  SearchView.of(
                      new SearchForm("", Map.of(), ""), answer, "/catalogue", labels, language);
              model.put("facets", facets.facets());
              model.put("members", memberRows());
              return shell.render(model, "home");
            })
        .onSuccess(html -> PageShell.send(rc, 200, html))
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
              Map<String, Object> model = shell.model(rc, language, page);
              model.put("path", path);
              model.put("form", form);
              model.put("result", result);
              model.put("skillChoices", SkillTree.of(labels.skills(), language));
              return shell.render(model, "search");
            })
        .onSuccess(html -> PageShell.send(rc, view.result().problems().isEmpty() ? 200 : 400, html))
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

  private void skills(RoutingContext rc) {
    PageLanguage language = PageLanguage.choose(rc);
    Map<String, Object> model = shell.model(rc, language, "skills");
    model.put("tree", SkillTree.of(labels.skills(), language));
    shell.reply(rc, 200, model, "skills");
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
              Map<String, Object> model = shell.model(rc, language, "skills");
              model.put("skill", SkillTree.of(labels.skills(), skill, language));
              model.put("broader", SkillTree.path(labels.skills(), skill, language));
              model.put("material", material);
              model.put("networkHref", form.link("/network"));
              return shell.render(model, "skill");
            })
        .onSuccess(html -> PageShell.send(rc, 200, html))
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
              Map<String, Object> model = shell.model(rc, language, "catalogue");
              model.put("resource", view);
              return shell.render(model, "resource");
            })
        .onSuccess(
            page -> {
              rc.response().putHeader("Vary", "Accept, Cookie, Accept-Language");
              PageShell.send(rc, 200, page);
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

  // The failure handler of GET /resources/:id also sees the failures of the linked-data route
  // behind it: those stay problem+json, only the page's own failures become pages.
  private void resourceError(RoutingContext rc) {
    if (Boolean.TRUE.equals(rc.get(RESOURCE_PAGE))) {
      shell.error(rc);
    } else {
      rc.next();
    }
  }
}
