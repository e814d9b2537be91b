package network.baton.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import network.baton.node.cli.BatonCli;
import network.baton.node.launch.LocalCa;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tls}, {@code trustedCertificates} and {@code allowLoopbackHttps} in the config file. */
class TlsConfigTest {

  @TempDir Path folder;
  private final NodeConfigReader reader = new NodeConfigReader();
  private LocalCa ca;

  @BeforeEach
  void makeCertificates() {
    ca = LocalCa.in(folder.resolve("tls"));
    ca.issue("a");
    ca.issue("b");
  }

  private NodeConfig read(String yaml) throws IOException {
    return reader.read(write(yaml));
  }

  private Path write(String yaml) throws IOException {
    return Files.writeString(
        folder.resolve("node.yaml"), "dataDir: d\nbaseUrl: https://localhost:8443\n" + yaml);
  }

  @Test
  void tlsFilesAndTrustedCertificatesResolveAgainstTheConfigFolder() throws IOException {
    NodeConfig config =
        read(
            "tls: {certificate: tls/a.pem, privateKey: tls/a-key.pem}\n"
                + "trustedCertificates: [tls/ca.pem]\nallowLoopbackHttps: true\n");

    assertThat(config.server().tls())
        .isEqualTo(new ServerTls(folder.resolve("tls/a.pem"), folder.resolve("tls/a-key.pem")));
    assertThat(config.credentials().trustedCertificates())
        .containsExactly(folder.resolve("tls/ca.pem"));
    assertThat(config.credentials().allowLoopbackHttps()).isTrue();
    assertThat(config.credentials().allowLoopbackHttp()).isFalse();
    assertThat(config.fetchPolicy().allowLoopbackHttps()).isTrue();
    assertThat(config.fetchPolicy().allowLoopbackHttp()).isFalse();
    assertThat(config.fetchPolicy().trust().certificates()).containsExactly(ca.certificate());
  }

  @Test
  void withoutThemPlainHttpTheJdkTrustAndLoopbackRefused() throws IOException {
    NodeConfig config = read("");

    assertThat(config.server().tls()).isNull();
    assertThat(config.credentials().allowLoopbackHttps()).isFalse();
    assertThat(config.fetchPolicy().allowLoopbackHttps()).isFalse();
    assertThat(config.fetchPolicy().trust().isJdkDefault()).isTrue();
  }

  @Test
  void aMissingFileIsNamed() {
    assertThatThrownBy(() -> read("tls: {certificate: tls/nope.pem, privateKey: tls/a-key.pem}\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "tls.certificate: certificate file not found: " + folder.resolve("tls/nope.pem"));
    assertThatThrownBy(() -> read("tls: {certificate: tls/a.pem, privateKey: tls/nope.pem}\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("tls.privateKey: key file not found");
    assertThatThrownBy(() -> read("trustedCertificates: [tls/none.pem]\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("trustedCertificates: certificate file not found");
  }

  @Test
  void aFileThatIsNotPemIsRefused() throws IOException {
    Files.writeString(folder.resolve("junk.pem"), "not a certificate\n");

    assertThatThrownBy(() -> read("tls: {certificate: junk.pem, privateKey: tls/a-key.pem}\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("is not a PEM certificate");
    assertThatThrownBy(() -> read("tls: {certificate: tls/a.pem, privateKey: junk.pem}\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("is not a PEM private key");
    assertThatThrownBy(() -> read("tls: {certificate: tls/a-key.pem, privateKey: tls/a-key.pem}\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("is not a PEM certificate");
    assertThatThrownBy(() -> read("trustedCertificates: [junk.pem]\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("is not a PEM certificate");
  }

  @Test
  void aKeyThatIsNotTheCertificatesIsRefused() {
    assertThatThrownBy(() -> read("tls: {certificate: tls/a.pem, privateKey: tls/b-key.pem}\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("is not the key of the certificate in");
  }

  @Test
  void tlsMustNameBothFilesAndNoOtherKey() {
    assertThatThrownBy(() -> read("tls: {certificate: tls/a.pem}\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("tls needs both certificate and privateKey");
    assertThatThrownBy(
            () -> read("tls: {certificate: tls/a.pem, privateKey: tls/a-key.pem, pass: x}\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown key 'tls.pass'");
    assertThatThrownBy(() -> read("tls: cert.pem\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("tls must be an object");
  }

  @Test
  void theNodeCommandSaysABadTlsConfigInOneLineAndExitsTwo() throws IOException {
    Path config = write("tls: {certificate: tls/a.pem, privateKey: tls/b-key.pem}\n");
    StringWriter err = new StringWriter();

    assertThat(node(err, "--config", config.toString())).isEqualTo(2);
    assertThat(err.toString().strip().lines()).hasSize(1);
    assertThat(err.toString()).contains("is not the key of the certificate");
  }

  @Test
  void theNodeCommandTakesTlsFlagsTogetherOnly() throws IOException {
    Path config = write("");
    StringWriter err = new StringWriter();

    int code =
        node(
            err,
            "--config",
            config.toString(),
            "--tls-certificate",
            folder.resolve("tls/a.pem").toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--tls-certificate PEM and --tls-key PEM together");
  }

  private static int node(StringWriter err, String... args) {
    String[] command = new String[args.length + 1];
    command[0] = "node";
    System.arraycopy(args, 0, command, 1, args.length);
    return BatonCli.execute(
        new PrintWriter(new StringWriter()), new PrintWriter(err, true), command);
  }
}
