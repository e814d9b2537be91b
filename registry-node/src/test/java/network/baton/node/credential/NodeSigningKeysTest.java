package network.baton.node.credential;

import static network.baton.credential.http.ReportChecks.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.security.SecureRandom;
import network.baton.credential.issue.HolderWallet;
import network.baton.node.Cli;
import network.baton.node.RunningNode;
import network.baton.node.config.CredentialSettings;
import network.baton.node.config.NodeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node's signing keys across restarts, each test with nodes of its own: opened by the passphrase
 * alone, absent without one, and rotated so that old credentials still verify.
 */
@ExtendWith(VertxExtension.class)
@Timeout(120)
class NodeSigningKeysTest {

  private final HolderWallet holder = HolderWallet.generate(new SecureRandom());

  @Test
  void wrongPassphraseStopsTheStartWithOneClearLine(Vertx vertx, @TempDir Path other) {
    int port = CredentialNode.freePort();
    NodeConfig config = CredentialNode.config(other.resolve("data"), port);
    RunningNode.start(vertx, config, CredentialNode.setup()).close();

    NodeConfig wrong =
        config.withCredentials(config.credentials().withKeyPassphrase("not the passphrase"));

    assertThatThrownBy(() -> RunningNode.start(vertx, wrong, CredentialNode.setup()))
        .rootCause()
        .hasMessageContaining("does not open the node keys in")
        .hasMessageNotContaining("not the passphrase");
    // the store was released: the right passphrase starts the node again, with the same key
    try (RunningNode again = RunningNode.start(vertx, config, CredentialNode.setup())) {
      assertThat(again.get("/.well-known/did.json", null).body()).contains("#key-1");
    }
  }

  @Test
  void withoutAPassphraseTheNodeRunsWithoutCredentials(Vertx vertx, @TempDir Path other) {
    NodeConfig config =
        CredentialNode.config(other.resolve("data"), CredentialNode.freePort())
            .withCredentials(CredentialSettings.defaults());

    try (RunningNode plain = RunningNode.start(vertx, config, CredentialNode.setup())) {
      assertThat(plain.get("/.well-known/did.json", null).statusCode()).isEqualTo(404);
      assertThat(plain.get("/health", null).statusCode()).isEqualTo(200);
    }
    assertThat(other.resolve("data/keys")).doesNotExist();
  }

  @Test
  void afterKeyRotationOldCredentialsStillVerifyAndNewOnesAreSignedWithTheNewKey(
      Vertx vertx, @TempDir Path other) throws Exception {
    int port = CredentialNode.freePort();
    Path data = other.resolve("data");
    NodeConfig config = CredentialNode.config(data, port);
    CredentialNode.importKosen(other, data, config.server().baseUrl().toString());
    String oldCredential;
    try (RunningNode first = RunningNode.start(vertx, config, CredentialNode.setup())) {
      oldCredential = issued(first, "resources/kosen-mc4-ec");
    }
    Path passphrase =
        java.nio.file.Files.writeString(other.resolve("pass"), CredentialNode.PASSPHRASE);
    Cli cli = new Cli();
    assertThat(
            cli.run(
                "keys",
                "rotate",
                "--data",
                data.toString(),
                "--passphrase-file",
                passphrase.toString()))
        .as(cli.printed())
        .isZero();

    try (RunningNode second = RunningNode.start(vertx, config, CredentialNode.setup())) {
      JsonObject document = new JsonObject(second.get("/.well-known/did.json", null).body());
      String newCredential = issued(second, "resources/kosen-mc5-bms");
      JsonObject oldReport = CredentialNode.verify(second, oldCredential);
      JsonObject newReport = CredentialNode.verify(second, newCredential);

      // Both keys, each as Multikey (#key-N) and as JsonWebKey (#key-N-jwk).
      String did = document.getString("id");
      assertThat(document.getJsonArray("assertionMethod").getList())
          .containsExactly(did + "#key-1", did + "#key-2", did + "#key-1-jwk", did + "#key-2-jwk");
      assertThat(oldReport.getBoolean("verified")).as(oldReport.encodePrettily()).isTrue();
      assertThat(check(oldReport, "key").getString("reason")).contains("#key-1");
      assertThat(newReport.getBoolean("verified")).as(newReport.encodePrettily()).isTrue();
      assertThat(check(newReport, "key").getString("reason")).contains("#key-2");
    }
  }

  private String issued(RunningNode target, String path) {
    return CredentialNode.jwtOf(
        new JsonObject(CredentialNode.issue(target, holder.did(), path, "vc+jwt")));
  }
}
