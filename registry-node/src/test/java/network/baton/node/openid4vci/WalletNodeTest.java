package network.baton.node.openid4vci;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import network.baton.node.RunningNode;
import network.baton.node.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One node with the OpenID4VCI issuer for a test class, on a clock the tests move, and a wallet
 * that talks to it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
abstract class WalletNodeTest {

  @TempDir static Path folder;

  final Vertx vertx = Vertx.vertx();
  final TestClock clock = TestClock.atSystemTime();
  RunningNode node;
  Wallet wallet;

  @BeforeAll
  void startNode() {
    node = Wallet.start(vertx, folder, clock, setup -> setup);
    wallet = new Wallet(node);
  }

  @AfterAll
  void stop() throws Exception {
    if (node != null) node.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
