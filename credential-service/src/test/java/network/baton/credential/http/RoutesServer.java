package network.baton.credential.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** A test's credential routes on a loopback port, the worker pool they run on, and a client. */
final class RoutesServer implements AutoCloseable {

  private final WorkerExecutor worker;
  private final HttpServer server;
  private final WebClient client;

  private RoutesServer(WorkerExecutor worker, HttpServer server, WebClient client) {
    this.worker = worker;
    this.server = server;
    this.client = client;
  }

  /** Mounts the routes made over a new worker pool, with this failure handler after them. */
  static RoutesServer start(
      Vertx vertx,
      String pool,
      Function<WorkerExecutor, CredentialRoutes> routes,
      Handler<RoutingContext> failures)
      throws Exception {
    WorkerExecutor worker = vertx.createSharedWorkerExecutor(pool, 2);
    Router router = Router.router(vertx);
    routes.apply(worker).mount(router);
    router.route().failureHandler(failures);
    HttpServer server =
        await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
    return new RoutesServer(worker, server, WebClient.create(vertx));
  }

  HttpRequest<Buffer> post(String path) {
    return client.post(server.actualPort(), "127.0.0.1", path);
  }

  HttpRequest<Buffer> get(String path) {
    return client.get(server.actualPort(), "127.0.0.1", path);
  }

  @Override
  public void close() throws Exception {
    client.close();
    await(server.close());
    await(worker.close());
  }

  static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
