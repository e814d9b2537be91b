package network.baton.node.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import network.baton.credential.http.ProblemHandler;
import network.baton.node.store.NodeDataset;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
@TestInstance(Lifecycle.PER_CLASS)
class SearchRoutesTest {

  private final HttpClient client = HttpClient.newHttpClient();
  private Vertx vertx;
  private WorkerExecutor workers;
  private NodeDataset store;
  private LocalSearch search;
  private HttpServer server;

  @BeforeAll
  void start(@TempDir Path dataDir) {
    store = NodeDataset.open(dataDir);
    DatasetGraph dsg = store.datasetGraph();
    Txn.executeWrite(
        dsg, () -> RDFDataMgr.read(dsg, "src/test/resources/fixtures/search/resources.trig"));
    search =
        new LocalSearch(
            store,
            SkillHierarchy.fromSkos(
                RDFDataMgr.loadGraph("src/test/resources/fixtures/search/skills-mini.ttl")));
    vertx = Vertx.vertx();
    workers = vertx.createSharedWorkerExecutor("search-test", 2);
    Router router = Router.router(vertx);
    new SearchRoutes(new SearchService(search, workers), RoutingContext::next).mount(router);
    router.route().failureHandler(ProblemHandler.create());
    server = await(vertx.createHttpServer().requestHandler(router).listen(0));
  }

  @AfterAll
  void stop() {
    await(vertx.close());
    search.close();
    store.close();
  }

  @Test
  void searchAnswersJsonWithHitsFacetsAndCursor() {
    HttpResponse<String> response = get("/search?q=" + encode("電池") + "&limit=1");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    SearchResult result = SearchResult.fromJson(new JsonObject(response.body()));
    assertThat(result.total()).isEqualTo(2);
    assertThat(result.hits()).hasSize(1);
    assertThat(result.facets().skillArea()).hasSize(2);

    HttpResponse<String> next =
        get("/search?q=" + encode("電池") + "&limit=1&cursor=" + result.nextCursor());
    SearchResult second = SearchResult.fromJson(new JsonObject(next.body()));
    assertThat(second.hits()).hasSize(1);
    assertThat(second.hits().get(0).iri()).isNotEqualTo(result.hits().get(0).iri());
    assertThat(second.nextCursor()).isNull();
  }

  @Test
  void filtersArriveFromQueryParameters() {
    HttpResponse<String> response = get("/search?skill=skill:MFG&level=level:kosen");

    SearchResult result = SearchResult.fromJson(new JsonObject(response.body()));
    assertThat(result.hits())
        .extracting(SearchHit::iri)
        .containsExactly("http://node.test/resources/electrode-coating");
  }

  @Test
  void badParametersAreAProblemListingEachOne() {
    HttpResponse<String> response = get("/search?limit=1000&cursor=garbage!&type=Book");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonObject problem = new JsonObject(response.body());
    assertThat(problem.getInteger("status")).isEqualTo(400);
    assertThat(problem.getJsonArray("problems").getList())
        .hasSize(3)
        .anySatisfy(p -> assertThat((String) p).contains("limit must be between 1 and 100"))
        .anySatisfy(p -> assertThat((String) p).contains("cursor is malformed"))
        .anySatisfy(p -> assertThat((String) p).contains("type 'Book'"));
  }

  @Test
  void limitZeroAndUnknownSkillAreRejected() {
    assertThat(get("/search?limit=0").statusCode()).isEqualTo(400);
    HttpResponse<String> unknown = get("/search?skill=skill:NOPE");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("not in the skill framework");
  }

  private HttpResponse<String> get(String path) {
    try {
      return client.send(
          HttpRequest.newBuilder(URI.create("http://localhost:" + server.actualPort() + path))
              .timeout(Duration.ofSeconds(30))
              .GET()
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
