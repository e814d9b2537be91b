package network.baton.node.resources;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import network.baton.credential.http.ProblemHandler;
import network.baton.node.RunningNode;
import network.baton.node.auth.AdminAuthHandler;
import network.baton.node.auth.AdminTokens;
import network.baton.node.http.NodePrefixes;
import network.baton.node.store.OpenDataset;
import network.baton.node.store.ResourceIds;
import network.baton.node.store.ResourceStore;
import network.baton.vocab.ContextLoader;
import org.apache.jena.query.Dataset;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * The resource routes as a node mounts them, on a bare router: the real service over TDB2 in a temp
 * folder, the admin check (with {@link RunningNode#TOKEN}), the body limit, the JSON-LD compactor
 * and the problem handler, and no text index, extensions or pages. Requests go as {@link
 * RunningNode}'s do (writes as the admin), so a test of the routes alone reads the same.
 */
final class ResourceRouter implements AutoCloseable {

  // Read-only once made, and the costly part of a start: shared by every router of a test run.
  private static final ContextLoader CONTEXTS = ContextLoader.bundled();
  private static final VocabShapeValidator SHAPES = VocabShapeValidator.create();
  // HTTP/1.1 as the node serves it (it turns h2c off): no upgrade attempt on every request.
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final Dataset dataset;
  private final ResourceStore store;
  private final WorkerExecutor workers;
  private final HttpServer server;

  private ResourceRouter(
      Dataset dataset, ResourceStore store, WorkerExecutor workers, HttpServer server) {
    this.dataset = dataset;
    this.store = store;
    this.workers = workers;
    this.server = server;
  }

  /**
   * Routes on vertx over a store in dataDir stamped by clock, refusing bodies over bodyLimit bytes.
   */
  static ResourceRouter start(Vertx vertx, Path dataDir, Clock clock, long bodyLimit) {
    ResourceIds ids = new ResourceIds("http://node.test");
    Dataset dataset = TDB2Factory.connectDataset(dataDir.toString());
    ResourceStore store =
        new ResourceStore(
            new OpenDataset(dataset, () -> TDBInternal.expel(dataset.asDatasetGraph())),
            ids,
            "http://node.test",
            clock);
    WorkerExecutor workers = vertx.createSharedWorkerExecutor("resources-test", 2);
    ContextLoader contexts = CONTEXTS;
    ResourceService service =
        new ResourceService(
            store,
            new ResourceReader(ids, new VocabJsonLdParsing(contexts)),
            SHAPES,
            workers,
            workers);
    Router router = Router.router(vertx);
    new ResourceRoutes(
            service,
            AdminAuthHandler.create(new AdminTokens(List.of(AdminTokens.hash(RunningNode.TOKEN)))),
            BodyHandler.create(false).setBodyLimit(bodyLimit).setHandleFileUploads(false),
            new GraphRenderer(
                new JsonLdCompactor(URI.create(ContextLoader.BATON_CONTEXT), contexts),
                NodePrefixes.standard()))
        .mount(router);
    ProblemHandler problems = ProblemHandler.create(List.of(new ResourceProblems()));
    router.route().failureHandler(problems);
    for (int status : new int[] {400, 404, 405, 406, 413, 415}) {
      router.errorHandler(status, problems.forStatus(status));
    }
    HttpServer server =
        await(
            vertx
                .createHttpServer(new HttpServerOptions().setHttp2ClearTextEnabled(false))
                .requestHandler(router)
                .listen(0));
    return new ResourceRouter(dataset, store, workers, server);
  }

  /**
   * Empties the store (resources, tombstones, the change log and its counters) in one write: a
   * router shared by a class's tests starts each as on a new store, without opening another.
   */
  void clear() {
    Txn.executeWrite(dataset, () -> dataset.asDatasetGraph().clear());
  }

  /** The router's local URL. */
  String url() {
    return "http://localhost:" + server.actualPort();
  }

  /** A request builder for a path on the router. */
  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(url() + path));
  }

  /** Sends a request and returns the answer as text. */
  HttpResponse<String> send(HttpRequest.Builder request) {
    HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
    try {
      return CLIENT.sendAsync(built, HttpResponse.BodyHandlers.ofString()).get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("no answer to " + built.uri(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** GET with an Accept header (null: none). */
  HttpResponse<String> get(String path, String accept) {
    HttpRequest.Builder request = request(path).GET();
    return send(accept == null ? request : request.header("Accept", accept));
  }

  /** POST a body as the admin. */
  HttpResponse<String> post(String path, String contentType, String body) {
    return send(asAdmin(path, contentType).POST(text(body)));
  }

  /** PUT a body as the admin, with an If-Match header unless null. */
  HttpResponse<String> put(String path, String contentType, String body, String ifMatch) {
    HttpRequest.Builder request = asAdmin(path, contentType).PUT(text(body));
    return send(ifMatch == null ? request : request.header("If-Match", ifMatch));
  }

  /** DELETE as the admin. */
  HttpResponse<String> delete(String path) {
    return send(request(path).header("Authorization", "Bearer " + RunningNode.TOKEN).DELETE());
  }

  @Override
  public void close() {
    await(server.close());
    await(workers.close());
    store.close();
  }

  private HttpRequest.Builder asAdmin(String path, String contentType) {
    return request(path)
        .header("Content-Type", contentType)
        .header("Authorization", "Bearer " + RunningNode.TOKEN);
  }

  private static HttpRequest.BodyPublisher text(String body) {
    return HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e.getCause() != null ? e.getCause() : e);
    }
  }
}
