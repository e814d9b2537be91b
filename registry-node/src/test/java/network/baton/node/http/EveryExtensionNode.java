package network.baton.node.http;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import network.baton.credential.keys.KeyAlgorithm;
import network.baton.credential.keys.SigningKey;
import network.baton.node.NodeSetup;
import network.baton.node.RunningNode;
import network.baton.node.auth.AdminTokens;
import network.baton.node.config.CredentialSettings;
import network.baton.node.config.NodeConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A standard node with every extension on (credentials, membership, federation), started once per
 * test class, and the router it mounted its routes on, for the tests that hold the OpenAPI document
 * against the routes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
abstract class EveryExtensionNode {

  @TempDir static Path folder;

  final Vertx vertx = Vertx.vertx();
  RunningNode node;
  Router router;

  @BeforeAll
  void startNodeWithEveryExtension() {
    AtomicReference<Router> mountedOn = new AtomicReference<>();
    SigningKey coordinator =
        SigningKey.generate(KeyAlgorithm.ED25519, "coordinator", new SecureRandom());
    NodeConfig config =
        NodeConfig.defaults(folder.resolve("data"), URI.create("http://localhost:8081"))
            .withPort(0)
            .withAdmin(a -> a.withTokenHashes(List.of(AdminTokens.hash(RunningNode.TOKEN))))
            .withCredentials(
                CredentialSettings.defaults()
                    .withKeyPassphrase("open api test passphrase")
                    .withLoopbackHttp(true))
            .withFederation(f -> f.withMembership(List.of(coordinator.publicKey()), Duration.ZERO));
    NodeSetup setup =
        NodeSetup.standard(config)
            .withExtensions(List.of((mounted, context) -> mountedOn.set(mounted)));
    node = RunningNode.start(vertx, config, setup);
    router = mountedOn.get();
  }

  @AfterAll
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
