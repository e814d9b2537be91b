package network.baton.node.resources;

import static network.baton.node.RunningNode.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.PlatformHandler;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import network.baton.credential.http.Problem;
import network.baton.credential.http.ProblemHandler;
import network.baton.node.http.NodePrefixes;
import network.baton.node.store.ResourceIds;
import network.baton.node.store.ResourceStore;
import network.baton.vocab.ContextLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resource routes on a bare router with the real service over TDB2 in a temp folder, no node
 * and no pages: what a node without the web pages answers, in milliseconds per test.
 */
@Timeout(60)
class ResourceRoutesOnARouterTest {

  private static final String COURSE = "/resources/kosen-ec101";

  @TempDir Path dataDir;
  private Vertx vertx;
  private ResourceStore store;
  private WorkerExecutor workers;
  private HttpServer server;
  private WebClient client;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    ResourceIds ids = new ResourceIds("http://node.test");
    store = ResourceStore.openTdb2(dataDir, ids, "http://node.test");
    workers = vertx.createSharedWorkerExecutor("resources-test", 2);
    ResourceService service =
        new ResourceService(
            store,
            new ResourceReader(ids, new VocabJsonLdParsing(ContextLoader.bundled())),
            VocabShapeValidator.create(),
            workers,
            workers);
    Router router = Router.router(vertx);
    new ResourceRoutes(
            service,
            // Writes pass as the admin's would (the token check is a platform handler).
            (PlatformHandler) RoutingContext::next,
            BodyHandler.create(false),
            new GraphRenderer(null, NodePrefixes.standard()))
        .mount(router);
    router.route().failureHandler(ProblemHandler.create(List.of(new ResourceProblems())));
    server = await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
    client = WebClient.create(vertx);
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    await(vertx.close());
    store.close();
  }

  @Test
  void withoutPagesABrowserGetsLinkedDataAndAnExplicitHtmlAskIsNotAcceptable() {
    assertThat(post(fixture("course.ttl")).statusCode()).isEqualTo(201);

    HttpResponse<Buffer> browser = get(COURSE, "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
    assertThat(browser.statusCode()).isEqualTo(200);
    assertThat(browser.getHeader("Content-Type")).startsWith("application/ld+json");

    HttpResponse<Buffer> html = get(COURSE + "?format=html", null);
    assertThat(html.statusCode()).isEqualTo(406);
    assertThat(html.getHeader("Content-Type")).isEqualTo(ProblemHandler.PROBLEM_JSON);
    assertThat(html.bodyAsJsonObject().getString("type"))
        .isEqualTo(Problem.TYPE_PREFIX + "not-acceptable");

    assertThat(get(COURSE, "text/html").statusCode()).isEqualTo(406);
  }

  @Test
  void domainFailuresAreAnsweredByTheResourcesProblemMapping() {
    JsonObject missing = get("/resources/none", "text/turtle").bodyAsJsonObject();
    assertThat(missing.getInteger("status")).isEqualTo(404);
    assertThat(missing.getString("type")).isEqualTo(Problem.TYPE_PREFIX + "not-found");

    HttpResponse<Buffer> malformed = post(fixture("malformed.ttl"));
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.bodyAsJsonObject().getString("type"))
        .isEqualTo(Problem.TYPE_PREFIX + "malformed-input");
    assertThat(malformed.bodyAsJsonObject().getInteger("line")).isPositive();

    HttpResponse<Buffer> invalid = post(fixture("missing-licence.ttl"));
    assertThat(invalid.statusCode()).isEqualTo(422);
    assertThat(invalid.bodyAsJsonObject().getJsonArray("violations")).isNotEmpty();
  }

  private HttpResponse<Buffer> post(String turtle) {
    return await(
        client
            .post(server.actualPort(), "127.0.0.1", "/resources")
            .putHeader("Content-Type", "text/turtle")
            .sendBuffer(Buffer.buffer(turtle)));
  }

  private HttpResponse<Buffer> get(String path, String accept) {
    var request = client.get(server.actualPort(), "127.0.0.1", path);
    if (accept != null) {
      request.putHeader("Accept", accept);
    }
    return await(request.send());
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
