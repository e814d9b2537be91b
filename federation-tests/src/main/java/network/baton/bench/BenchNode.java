package network.baton.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import network.baton.node.NodeSetup;
import network.baton.node.config.CredentialSettings;
import network.baton.node.launch.LocalMember;
import network.baton.node.launch.LocalNetwork;
import network.baton.node.launch.MemberPlan;
import network.baton.node.launch.NetworkOptions;
import network.baton.node.store.NodeDataset;
import network.baton.node.store.ResourceStore;
import org.apache.jena.query.Dataset;

/**
 * A real node for benchmarks: the standard setup on a loopback port, its store in a folder (kept:
 * the benchmark removes its work folder), started as a network of one by the {@link LocalNetwork}
 * launcher.
 */
final class BenchNode implements AutoCloseable {

  /** The base URL of every benchmark node and of the resources generated for it. */
  static final String BASE_URL = "http://bench.localhost/";

  /** The admin token of benchmark nodes. */
  static final String TOKEN = "bench-admin-token-0123456789abcdefghijklmnop";

  private final LocalNetwork network;
  private final LocalMember member;

  private BenchNode(LocalNetwork network, LocalMember member) {
    this.network = network;
    this.member = member;
  }

  /** Starts a node on a free loopback port over the store in dataDir (created if empty). */
  static BenchNode start(Path dataDir) {
    return start(dataDir, NodeSetup.standard());
  }

  /** As {@link #start(Path)}, with this setup (e.g. the standard one with a baseline's routes). */
  static BenchNode start(Path dataDir, NodeSetup setup) {
    Path data = dataDir.toAbsolutePath().normalize();
    LocalNetwork network =
        LocalNetwork.create(
            data.getParent(),
            NetworkOptions.builder()
                .adminToken(TOKEN)
                .credentials(CredentialSettings.defaults())
                .setup(config -> setup)
                .keepData()
                .build());
    try {
      MemberPlan plan =
          MemberPlan.named(data.getFileName().toString()).withIdentity(URI.create(BASE_URL), null);
      return new BenchNode(network, network.start(List.of(plan)).get(0));
    } catch (RuntimeException e) {
      network.close();
      throw e;
    }
  }

  /** Where to send requests: http://localhost:PORT (no trailing slash). */
  URI url() {
    return URI.create("http://localhost:" + member.port());
  }

  /** The running node's store. */
  ResourceStore store() {
    return network.node(member).store();
  }

  /** The running node's text-indexed dataset. */
  NodeDataset textIndexed() {
    return network.node(member).dataset().text().orElseThrow();
  }

  /** The running node's dataset, for queries in-process next to the same over HTTP. */
  Dataset dataset() {
    return network.node(member).dataset().dataset();
  }

  @Override
  public void close() {
    network.close();
  }
}
