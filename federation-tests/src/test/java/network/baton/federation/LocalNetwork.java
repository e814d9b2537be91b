package network.baton.federation;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import network.baton.node.NodeSetup;
import network.baton.node.NodeVerticle;
import network.baton.node.auth.AdminTokens;
import network.baton.node.config.NodeConfig;
import network.baton.node.federation.Role;
import network.baton.node.importer.ImportFileReader;
import network.baton.node.importer.ImportFormat;
import network.baton.node.importer.ImportProgress;
import network.baton.node.importer.ImportSummary;
import network.baton.node.importer.OnlineImporter;
import network.baton.node.importer.ParsedFile;
import network.baton.vocab.ContextLoader;
import network.baton.vocab.SampleContent;
import network.baton.vocab.SampleContent.Institution;

/**
 * Several real member nodes in one JVM: each on its own loopback port, with its own TDB2 store in a
 * folder of its own, publishing one institution's sample content through the HTTP API.
 */
final class LocalNetwork implements AutoCloseable {

  /** The admin token of every member node in the test network. */
  static final String TOKEN = "federation-test-admin-token-0123456789abcdefghij";

  /** One running member; {@code did} is the did:web of its loopback address. */
  record Member(
      Institution institution, String baseUrl, String did, NodeVerticle node, long published) {}

  private final Vertx vertx;
  private final List<Member> members = new ArrayList<>();

  private LocalNetwork(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Starts one node per institution, each publishing that institution's sample content. */
  static LocalNetwork start(Path root, List<Institution> institutions) {
    return start(root, institutions, List.of());
  }

  /**
   * Starts one node per institution; every node's config lists every node (itself included) and
   * {@code extraMembers} as the members federated search calls.
   */
  static LocalNetwork start(
      Path root,
      List<Institution> institutions,
      List<network.baton.node.federation.Member> extraMembers) {
    LocalNetwork network = new LocalNetwork(Vertx.vertx());
    try {
      List<Integer> ports = new ArrayList<>();
      List<network.baton.node.federation.Member> directory = new ArrayList<>();
      for (Institution institution : institutions) {
        int port = freePort();
        ports.add(port);
        directory.add(
            new network.baton.node.federation.Member(
                did(port),
                URI.create("http://localhost:" + port),
                institution.key(),
                Set.of(Role.PUBLISHER, Role.ISSUER)));
      }
      directory.addAll(extraMembers);
      for (int i = 0; i < institutions.size(); i++) {
        Institution institution = institutions.get(i);
        network.members.add(
            network.startMember(
                root.resolve(institution.key()), institution, ports.get(i), directory));
      }
      return network;
    } catch (RuntimeException e) {
      network.close();
      throw e;
    }
  }

  List<Member> members() {
    return List.copyOf(members);
  }

  /** The did:web of a loopback node (the port's colon percent-encoded, as did:web requires). */
  static String did(int port) {
    return "did:web:localhost%3A" + port;
  }

  private Member startMember(
      Path dataDir,
      Institution institution,
      int port,
      List<network.baton.node.federation.Member> directory) {
    String base = "http://localhost:" + port;
    NodeConfig defaults = NodeConfig.defaults(dataDir, URI.create(base));
    NodeConfig config =
        new NodeConfig(
                port,
                defaults.host(),
                dataDir,
                defaults.baseUrl(),
                institution.key(),
                null,
                did(port),
                List.of(AdminTokens.hash(TOKEN)),
                defaults.bodyLimitBytes(),
                defaults.sparqlTimeout(),
                defaults.resultCap(),
                defaults.languages(),
                // The members listen on loopback: the fetch policy lets a node call them only so.
                defaults.credentials().withLoopbackHttp(true))
            .withMembers(directory);
    NodeVerticle node = new NodeVerticle(config, NodeSetup.standard());
    await(vertx.deployVerticle(node));
    return new Member(institution, base, did(port), node, publish(base, institution));
  }

  /** Publishes the institution's sample content through the node's own API, as staff would. */
  static long publish(String base, Institution institution) {
    SampleContent sample = SampleContent.create();
    ImportFileReader reader = new ImportFileReader(ContextLoader.bundled(), base + "/");
    String text = sample.text(institution);
    ImportFormat format = ImportFormat.of(Path.of(institution.resource()), text);
    ParsedFile file = reader.split(institution.resource(), reader.parse(text, format));
    OnlineImporter importer =
        new OnlineImporter(HttpClient.newHttpClient(), URI.create(base), TOKEN, 4);
    StringWriter progress = new StringWriter();
    ImportSummary summary =
        importer.run(
            file.items(),
            file.rejected(),
            ImportProgress.on(new PrintWriter(progress), file.items().size()),
            iri -> {});
    if (summary.exitCode() != 0) {
      StringWriter out = new StringWriter();
      summary.print(new PrintWriter(out, true));
      throw new IllegalStateException("sample content was not published: " + out);
    }
    return summary.stored();
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("node did not start: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    await(vertx.close());
  }
}
