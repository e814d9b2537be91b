package network.baton.node.credential;

import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Path;
import network.baton.node.Cli;
import network.baton.node.RunningNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The base of a class of {@code baton} command-line tests against one credential node with the
 * kosen sample (started once for the class, over loopback HTTP); what the command printed is
 * cleared before each test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CredentialNodeCli {

  /** The holder the credentials of tests without a wallet are issued to. */
  static final String HOLDER = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK";

  final Cli cli = new Cli();
  Vertx vertx;
  RunningNode node;

  /** The class's temp folder (the node's data is in a folder below it). */
  Path folder;

  /** The node's did:web, which resolves over loopback http. */
  String nodeDid;

  @BeforeAll
  void startNode(@TempDir Path folder) {
    this.folder = folder;
    vertx = Vertx.vertx();
    node = CredentialNode.start(vertx, folder, config -> config);
    nodeDid = "did:web:localhost%3A" + URI.create(node.url()).getPort();
  }

  @AfterAll
  void stopNode() {
    if (node != null) node.close();
    if (vertx != null) vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  @BeforeEach
  void clearOutput() {
    cli.clear();
  }

  /** Runs {@code baton credential COMMAND --node URL --token T ARGS...}; its exit code. */
  int onTheNode(String command, String... args) {
    String[] prefix = {"credential", command, "--node", node.url(), "--token", RunningNode.TOKEN};
    return cli.run(Cli.join(prefix, args));
  }
}
