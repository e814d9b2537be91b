package network.baton.bench;

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
import network.baton.node.federation.Member;
import network.baton.node.federation.MemberDirectory;
import network.baton.node.federation.Role;
import network.baton.node.federation.search.FederationExtension;
import network.baton.node.federation.search.FederationLimits;
import network.baton.node.launch.LocalMember;
import network.baton.node.launch.LocalNetwork;
import network.baton.node.launch.MemberContent;
import network.baton.node.launch.MemberPlan;
import network.baton.node.launch.NetworkOptions;
import network.baton.node.search.BenchmarkResources;
import network.baton.node.store.NodeDataset;
import network.baton.vocab.SampleContent;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;

/**
 * Many real member nodes in one JVM for the federation benchmark, on the {@link LocalNetwork}
 * launcher: one Vert.x instance (so the nodes share its event loops and the nodes' one shared Jena
 * worker pool), each member a {@link NodeVerticle} on its own loopback port over its own small TDB2
 * store (on disk, with its Lucene text index: the node's standard {@link
 * DatasetOpener#textIndexed()}), holding generated resources no other member holds. Coordinators
 * are further nodes whose config lists some of the members.
 */
final class BenchNetwork implements AutoCloseable {

  private final LocalNetwork network;
  private final NodeSetup memberSetup;
  private final List<Member> members = new ArrayList<>();
  private int coordinators;

  private BenchNetwork(LocalNetwork network, NodeSetup memberSetup) {
    this.network = network;
    this.memberSetup = memberSetup;
  }

  /**
   * Starts {@code count} members under folder, each with {@code resources} generated resources of
   * its own (numbered from a different offset, so no two members hold the same names); with a
   * positive {@code linkDelayMs} every member is reached through a link that delays its answers.
   */
  static BenchNetwork start(
      Path folder, int count, int resources, long linkDelayMs, PrintWriter progress) {
    // Members only answer /search and the descriptor: the production setup without extensions
    // (no credentials, no fan-out of their own), shared by all of them since it holds no state.
    NodeSetup memberSetup = NodeSetup.bare();
    LocalNetwork network =
        LocalNetwork.create(
            folder,
            NetworkOptions.builder()
                .adminToken(BenchNode.TOKEN)
                .setup(config -> memberSetup)
                .linkDelayMs(linkDelayMs)
                .build());
    BenchNetwork bench = new BenchNetwork(network, memberSetup);
    try {
      // One generator for every member (parsing the sample is slow); members take different
      // numbers, so no two hold the same IRI or name.
      BenchmarkResources generator =
          BenchmarkResources.fromSample(SampleContent.create(), BenchNode.BASE_URL);
      List<MemberPlan> plans = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String name = String.format(Locale.ROOT, "m%03d", i);
        plans.add(
            MemberPlan.named(name)
                .withName("member " + name, null)
                .withIdentity(
                    URI.create(BenchNode.BASE_URL), "did:web:" + name + ".bench.localhost")
                .withRoles(Set.of(Role.PUBLISHER))
                .withContent(generated(generator, i, resources, count, progress)));
      }
      network.start(plans).forEach(member -> bench.members.add(member.member()));
      return bench;
    } catch (RuntimeException e) {
      bench.close();
      throw e;
    }
  }

  /** The members as a membership list names them, in start order. */
  List<Member> members() {
    return List.copyOf(members);
  }

  /**
   * Starts a coordinator node whose config lists {@code listed} as its members and whose federated
   * search uses {@code limits}; returns its URL (http://127.0.0.1:PORT).
   */
  URI startCoordinator(List<Member> listed, FederationLimits limits) {
    int number = ++coordinators;
    NodeSetup setup =
        memberSetup.withExtensions(
            List.of(
                new FederationExtension(
                    context -> MemberDirectory.of(context.config().federation().members()),
                    FederationExtension.narrowerOf(memberSetup.skills()),
                    limits)));
    LocalMember coordinator =
        network.start(
            MemberPlan.named("coordinator-" + number)
                .withName(null, null)
                .withIdentity(
                    URI.create("http://coordinator-" + number + ".bench.localhost/"), null)
                .withConfig(config -> config.withFederation(f -> f.withMembers(listed)))
                .withSetup(setup));
    return URI.create("http://localhost:" + coordinator.port());
  }

  /** Starts a member that accepts connections and never answers; see {@link HungMember}. */
  HungMember startHungMember() {
    return HungMember.start(network.vertx());
  }

  /**
   * Resources {@code index * resources} to {@code (index + 1) * resources - 1}, written into the
   * member's new store in one commit; every tenth store written is told on progress.
   */
  private static MemberContent generated(
      BenchmarkResources generator, int index, int resources, int count, PrintWriter progress) {
    return config -> {
      try (NodeDataset store = NodeDataset.open(config.server().dataDir())) {
        DatasetGraph dsg = store.datasetGraph();
        int from = index * resources;
        Txn.executeWrite(
            dsg,
            () ->
                IntStream.range(from, from + resources)
                    .mapToObj(generator::resource)
                    .forEach(r -> dsg.addGraph(NodeFactory.createURI(r.iri()), r.graph())));
      }
      if ((index + 1) % 10 == 0 || index + 1 == count) {
        progress.printf("  %d of %d member stores written%n", index + 1, count);
        progress.flush();
      }
    };
  }

  @Override
  public void close() {
    network.close();
  }
}
