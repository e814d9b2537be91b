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
import network.baton.node.config.WorkLimit;
import network.baton.node.config.WorkLimits;
import network.baton.node.store.NodeDataset;
import network.baton.node.store.ResourceStore;

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
    NodeConfig config =
        NodeConfig.defaults(dataDir, URI.create(BASE_URL))
            .withPort(0)
            .withAdminTokenHashes(List.of(AdminTokens.hash(TOKEN)));
    config = config.withWork(manyClients(config.work()));
    Vertx vertx = Vertx.vertx();
    NodeVerticle node = new NodeVerticle(config, NodeSetup.standard());
    try {
      await(vertx.deployVerticle(node));
    } catch (RuntimeException e) {
      await(vertx.close());
      throw e;
    }
    return new BenchNode(vertx, node);
  }

  /**
   * The node's own threads per kind of work, with every bench client, all on 127.0.0.1, let in as
   * if each came from an address of its own: the per-client share (429 past 2 SPARQL requests in
   * flight from one address) would otherwise cut a 4-client benchmark short.
   */
  private static WorkLimits manyClients(WorkLimits work) {
    return new WorkLimits(
        manyClients(work.sparql()),
        manyClients(work.search()),
        manyClients(work.read()),
        manyClients(work.write()),
        manyClients(work.credentials()));
  }

  private static WorkLimit manyClients(WorkLimit limit) {
    return new WorkLimit(limit.threads(), Math.max(limit.queue(), 64), 64);
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
    return node.store().opened().text().orElseThrow();
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
