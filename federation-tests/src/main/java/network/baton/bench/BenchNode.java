package network.baton.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import network.baton.node.NodeSetup;
import network.baton.node.NodeVerticle;
import network.baton.node.auth.AdminTokens;
import network.baton.node.config.NodeConfig;
import network.baton.node.store.NodeDataset;
import network.baton.node.store.ResourceStore;
import org.apache.jena.query.Dataset;

/** A real node for benchmarks: the standard setup on a loopback port, its store in a folder. */
final class BenchNode implements AutoCloseable {

  /** The base URL of every benchmark node and of the resources generated for it. */
  static final String BASE_URL = "http://bench.localhost/";

  /** The admin token of benchmark nodes. */
  static final String TOKEN = "bench-admin-token-0123456789abcdefghijklmnop";

  private final Vertx vertx;
  private final NodeVerticle node;

  private BenchNode(Vertx vertx, NodeVerticle node) {
    this.vertx = vertx;
    this.node = node;
  }

  /** Starts a node on a free loopback port over the store in dataDir (created if empty). */
  static BenchNode start(Path dataDir) {
    return start(dataDir, NodeSetup.standard());
  }

  /** As {@link #start(Path)}, with this setup (e.g. the standard one with a baseline's routes). */
  static BenchNode start(Path dataDir, NodeSetup setup) {
    NodeConfig config =
        NodeConfig.defaults(dataDir, URI.create(BASE_URL))
            .withPort(0)
            .withAdminTokenHashes(List.of(AdminTokens.hash(TOKEN)));
    Vertx vertx = Vertx.vertx();
    NodeVerticle node = new NodeVerticle(config, setup);
    try {
      await(vertx.deployVerticle(node));
    } catch (RuntimeException e) {
      await(vertx.close());
      throw e;
    }
    return new BenchNode(vertx, node);
  }

  /** Where to send requests: http://localhost:PORT (no trailing slash). */
  URI url() {
    return URI.create("http://localhost:" + node.actualPort());
  }

  /** The running node's store. */
  ResourceStore store() {
    return node.store();
  }

  /** The running node's text-indexed dataset. */
  NodeDataset textIndexed() {
    return node.dataset().text().orElseThrow();
  }

  /** The running node's dataset, for queries in-process next to the same over HTTP. */
  Dataset dataset() {
    return node.dataset().dataset();
  }

  @Override
  public void close() {
    await(vertx.close());
  }

  /** Waits up to 2 minutes for a node (or nodes) to start or stop. */
  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for the node", e);
    } catch (Exception e) {
      throw new IllegalStateException("node did not start or stop: " + e.getMessage(), e);
    }
  }
}
