package network.baton.node;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import network.baton.node.config.NodeConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The base of a test class whose every test has a real node of its own ({@link RunningNode}) over a
 * fresh temp folder, started by the subclass (in its {@code @BeforeEach} or in each test) and
 * closed after each test.
 */
@ExtendWith(VertxExtension.class)
public abstract class NodePerTest {

  /** The data folder of this test's node. */
  @TempDir protected Path dataDir;

  /** This test's node, once started. */
  protected RunningNode node;

  /** Starts this test's node with the test shapes and defaults. */
  protected RunningNode start(Vertx vertx) {
    return start(vertx, UnaryOperator.identity());
  }

  /** Starts this test's node with its config adjusted by tweak. */
  protected RunningNode start(Vertx vertx, UnaryOperator<NodeConfig> tweak) {
    node = RunningNode.start(vertx, dataDir, tweak);
    return node;
  }

  @AfterEach
  void closeNode() {
    if (node != null) {
      node.close();
    }
  }
}
