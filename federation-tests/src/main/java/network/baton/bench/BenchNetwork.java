package network.baton.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import network.baton.node.DatasetOpener;
import network.baton.node.NodeSetup;
import network.baton.node.NodeVerticle;
import network.baton.node.auth.AdminTokens;
import network.baton.node.config.CredentialSettings;
import network.baton.node.config.NodeConfig;
import network.baton.node.federation.Member;
import network.baton.node.federation.MemberDirectory;
import network.baton.node.federation.Role;
import network.baton.node.federation.search.FederationExtension;
import network.baton.node.federation.search.FederationLimits;
import network.baton.node.search.BenchmarkResources;
import network.baton.node.store.NodeDataset;
import network.baton.vocab.SampleContent;
import network.baton.vocab.SkillFramework;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;

/**
 * Many real member nodes in one JVM for the federation benchmark: one Vert.x instance (so the nodes
 * share its event loops and the nodes' one shared Jena worker pool), each member a {@link
 * NodeVerticle} on its own loopback port over its own small TDB2 store (on disk, with its Lucene
 * text index: the node's standard {@link DatasetOpener#textIndexed()}), holding generated resources
 * no other member holds. Coordinators are further nodes whose config lists some of the members.
 */
final class BenchNetwork implements AutoCloseable {

  /** Nodes deployed at once: each start opens a store on the shared worker pool. */
  private static final int STARTING_AT_ONCE = 4;

  private final Vertx vertx = Vertx.vertx();
  private final Path folder;
  private final long linkDelayMs;
  private final NodeSetup memberSetup;
  private final SkillFramework skills;
  private final List<Member> members = new ArrayList<>();
  private int coordinators;

  private BenchNetwork(Path folder, long linkDelayMs) {
    this.folder = folder;
    this.linkDelayMs = linkDelayMs;
    // Members only answer /search and the descriptor: the production setup without extensions
    // (no credentials, no fan-out of their own), shared by all of them since it holds no state.
    this.memberSetup = NodeSetup.bare();
    this.skills = memberSetup.skills();
  }

  /**
   * Starts {@code count} members under folder, each with {@code resources} generated resources of
   * its own (numbered from a different offset, so no two members hold the same names); with a
   * positive {@code linkDelayMs} every member is reached through a {@link DelayedLink}.
   */
  static BenchNetwork start(
      Path folder, int count, int resources, long linkDelayMs, PrintWriter progress) {
    BenchNetwork network = new BenchNetwork(folder, linkDelayMs);
    try {
      // One generator for every member (parsing the sample is slow); members take different
      // numbers, so no two hold the same IRI or name.
      BenchmarkResources generator =
          BenchmarkResources.fromSample(SampleContent.create(), BenchNode.BASE_URL);
      List<Future<Member>> starting = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        // Stores are written here one by one while the nodes written before start on the
        // workers; at most a few starts wait at once.
        if (i >= STARTING_AT_ONCE) {
          BenchNode.await(starting.get(i - STARTING_AT_ONCE));
        }
        starting.add(network.startMember(i, generator, resources));
        if ((i + 1) % 10 == 0 || i + 1 == count) {
          progress.printf("  %d of %d member stores written%n", i + 1, count);
          progress.flush();
        }
      }
      network.members.addAll(BenchNode.await(Future.all(starting)).list());
      return network;
    } catch (RuntimeException e) {
      network.close();
      throw e;
    }
  }

  /** The members as a membership list names them, in start order. */
  List<Member> members() {
    return List.copyOf(members);
  }

  /**
   * Starts a coordinator node whose config lists {@code listed} as its members and whose federated
   * search uses {@code limits}; returns its URL (http://localhost:PORT).
   */
  URI startCoordinator(List<Member> listed, FederationLimits limits) {
    int number = ++coordinators;
    Path data = folder.resolve("coordinator-" + number);
    NodeConfig config =
        config(data, "http://coordinator-" + number + ".bench.localhost/").withMembers(listed);
    NodeSetup setup =
        memberSetup.withExtensions(
            List.of(
                new FederationExtension(
                    context -> MemberDirectory.of(context.config().members()),
                    FederationExtension.narrowerOf(skills),
                    limits)));
    NodeVerticle node = new NodeVerticle(config, setup);
    BenchNode.await(vertx.deployVerticle(node));
    return URI.create("http://localhost:" + node.actualPort());
  }

  /** Starts a member that accepts connections and never answers; see {@link HungMember}. */
  HungMember startHungMember() {
    return HungMember.start(vertx);
  }

  private Future<Member> startMember(int index, BenchmarkResources generator, int resources) {
    String name = String.format(Locale.ROOT, "m%03d", index);
    Path data = folder.resolve(name);
    write(data, generator, index * resources, resources);
    NodeVerticle node = new NodeVerticle(config(data, BenchNode.BASE_URL), memberSetup);
    return vertx
        .deployVerticle(node)
        .compose(
            id ->
                linkDelayMs > 0
                    ? DelayedLink.start(vertx, node.actualPort(), linkDelayMs)
                        .map(DelayedLink::port)
                    : Future.succeededFuture(node.actualPort()))
        .map(
            port ->
                new Member(
                    "did:web:" + name + ".bench.localhost",
                    URI.create("http://127.0.0.1:" + port),
                    "member " + name,
                    Set.of(Role.PUBLISHER)));
  }

  /** Writes resources {@code from} to {@code from + count - 1} into a new store, in one commit. */
  private static void write(Path data, BenchmarkResources generator, int from, int count) {
    try (NodeDataset store = NodeDataset.open(data)) {
      DatasetGraph dsg = store.datasetGraph();
      Txn.executeWrite(
          dsg,
          () ->
              IntStream.range(from, from + count)
                  .mapToObj(generator::resource)
                  .forEach(r -> dsg.addGraph(NodeFactory.createURI(r.iri()), r.graph())));
    }
  }

  private static NodeConfig config(Path data, String base) {
    return NodeConfig.defaults(data, URI.create(base))
        .withPort(0)
        .withAdminTokenHashes(List.of(AdminTokens.hash(BenchNode.TOKEN)))
        // The members listen on loopback: the fetch policy lets the coordinator call them only so.
        .withCredentials(CredentialSettings.defaults().withLoopbackHttp(true));
  }

  @Override
  public void close() {
    BenchNode.await(vertx.close());
  }
}
