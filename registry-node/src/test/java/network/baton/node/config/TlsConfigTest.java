package network.baton.node.config;

import static org.assertj.core.api.Assertions.assertThat;

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
  private NodeYaml yaml;
  private LocalCa ca;

  @BeforeEach
  void makeCertificates() {
    ca = LocalCa.in(folder.resolve("tls"));
    ca.issue("a");
    ca.issue("b");
    yaml = new NodeYaml(folder, "d", "https://localhost:8443");
  }

  @Test
  void tlsFilesAndTrustedCertificatesResolveAgainstTheConfigFolder() throws IOException {
    NodeConfig config =
        yaml.read(
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
    NodeConfig config = yaml.read("");

    assertThat(config.server().tls()).isNull();
    assertThat(config.credentials().allowLoopbackHttps()).isFalse();
    assertThat(config.fetchPolicy().allowLoopbackHttps()).isFalse();
    assertThat(config.fetchPolicy().trust().isJdkDefault()).isTrue();
  }

  @Test
  void aMissingFileIsNamed() {
    yaml.refuses("tls: {certificate: tls/nope.pem, privateKey: tls/a-key.pem}\n")
        .hasMessage(
            "tls.certificate: certificate file not found: " + folder.resolve("tls/nope.pem"));
    yaml.refuses("tls: {certificate: tls/a.pem, privateKey: tls/nope.pem}\n")
        .hasMessageContaining("tls.privateKey: key file not found");
    yaml.refuses("trustedCertificates: [tls/none.pem]\n")
        .hasMessageContaining("trustedCertificates: certificate file not found");
  }

  @Test
  void aFileThatIsNotPemIsRefused() throws IOException {
    Files.writeString(folder.resolve("junk.pem"), "not a certificate\n");

    yaml.refuses("tls: {certificate: junk.pem, privateKey: tls/a-key.pem}\n")
        .hasMessageContaining("is not a PEM certificate");
    yaml.refuses("tls: {certificate: tls/a.pem, privateKey: junk.pem}\n")
        .hasMessageContaining("is not a PEM private key");
    yaml.refuses("tls: {certificate: tls/a-key.pem, privateKey: tls/a-key.pem}\n")
        .hasMessageContaining("is not a PEM certificate");
    yaml.refuses("trustedCertificates: [junk.pem]\n")
        .hasMessageContaining("is not a PEM certificate");
  }

  @Test
  void aKeyThatIsNotTheCertificatesIsRefused() {
    yaml.refuses("tls: {certificate: tls/a.pem, privateKey: tls/b-key.pem}\n")
        .hasMessageContaining("is not the key of the certificate in");
  }

  @Test
  void tlsMustNameBothFilesAndNoOtherKey() {
    yaml.refuses("tls: {certificate: tls/a.pem}\n")
        .hasMessageContaining("tls needs both certificate and privateKey");
    yaml.refuses("tls: {certificate: tls/a.pem, privateKey: tls/a-key.pem, pass: x}\n")
        .hasMessageContaining("unknown key 'tls.pass'");
    yaml.refuses("tls: cert.pem\n").hasMessageContaining("tls must be an object");
  }

  @Test
  void theNodeCommandSaysABadTlsConfigInOneLineAndExitsTwo() throws IOException {
    Path config = yaml.write("tls: {certificate: tls/a.pem, privateKey: tls/b-key.pem}\n");
    StringWriter err = new StringWriter();

    assertThat(node(err, "--config", config.toString())).isEqualTo(2);
    assertThat(err.toString().strip().lines()).hasSize(1);
    assertThat(err.toString()).contains("is not the key of the certificate");
  }

  @Test
  void theNodeCommandTakesTlsFlagsTogetherOnly() throws IOException {
    Path config = yaml.write("");
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
