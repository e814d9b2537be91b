package network.baton.node.federation.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import network.baton.node.config.ConfigException;
import network.baton.node.config.NodeConfig;
import network.baton.node.config.NodeConfigReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MembershipConfigTest {

  @TempDir Path folder;

  @Test
  void coordinatorKeysReadAsMultibaseOrJwkAndSyncIntervalAsDuration() throws Exception {
    Path file =
        Path.of(getClass().getResource("/fixtures/membership/node-with-coordinator.yaml").toURI());

    NodeConfig config = new NodeConfigReader().read(file);

    assertThat(config.federation().federated()).isTrue();
    // The fixture lists the RFC 8037 test key twice, once in each form.
    assertThat(config.federation().coordinatorKeys()).hasSize(2);
    assertThat(config.federation().coordinatorKeys().get(0))
        .isEqualTo(config.federation().coordinatorKeys().get(1));
    assertThat(config.federation().syncInterval()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void nodeWithoutCoordinatorKeysIsNotFederatedAndSyncsEveryMinuteByDefault() throws IOException {
    NodeConfig config = read("dataDir: d\nbaseUrl: http://a.example\n");

    assertThat(config.federation().federated()).isFalse();
    assertThat(config.federation().syncInterval()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void badCoordinatorKeysAndIntervalsAreRefusedWithClearMessages() {
    assertThatThrownBy(() -> read(base() + "coordinatorKeys: [notakey]\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("coordinatorKeys entry 1:");
    assertThatThrownBy(() -> read(base() + "coordinatorKeys: z6Mk\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("must be a list");
    assertThatThrownBy(
            () ->
                read(
                    base()
                        + "coordinatorKeys: [{kty: OKP, crv: Ed25519, x: 11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo, d: secret}]\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("private key");
    assertThatThrownBy(() -> read(base() + "membershipSyncInterval: -PT5S\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("membershipSyncInterval");
  }

  @Test
  void zeroIntervalDisablesPeriodicSync() throws Exception {
    assertThat(read(base() + "membershipSyncInterval: 0\n").federation().syncInterval()).isZero();
  }

  private static String base() {
    return "dataDir: d\nbaseUrl: http://a.example\n";
  }

  private NodeConfig read(String yaml) throws IOException {
    Path file = Files.writeString(folder.resolve("node.yaml"), yaml);
    return new NodeConfigReader().read(file);
  }
}
