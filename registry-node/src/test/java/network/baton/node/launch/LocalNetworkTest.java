package network.baton.node.launch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import network.baton.credential.did.Multikey;
import network.baton.node.JsonGet;
import network.baton.node.NodeSetup;
import network.baton.node.config.NodeConfig;
import network.baton.node.config.NodeConfigReader;
import network.baton.node.federation.membership.MembershipState;
import network.baton.vocab.SampleContent.Institution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The launcher on its own: ports, identities, the signed list, content, stop and clean-up. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LocalNetworkTest {

  @TempDir Path root;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void membersGetFreePortsTheirBaseUrlAndDidNameAndTheSignedListBeforeTheirFirstRequest()
      throws Exception {
    Path folder = root.resolve("network");
    try (LocalNetwork network =
        LocalNetwork.start(
            folder,
            NetworkOptions.builder()
                .federatedBy(null, Duration.ZERO)
                .initialList(ListEdition.of(3))
                .setup(config -> NodeSetup.bare())
                .build(),
            List.of(MemberPlan.sample(Institution.KOSEN), MemberPlan.named("empty").withPort(0)))) {
      List<LocalMember> members = network.members();
      assertThat(members).extracting(LocalMember::key).containsExactly("kosen", "empty");
      LocalMember kosen = members.get(0);
      assertThat(kosen.port()).isNotEqualTo(members.get(1).port());
      assertThat(kosen.baseUrl()).isEqualTo(URI.create("http://localhost:" + kosen.port()));
      assertThat(kosen.did()).isEqualTo("did:web:localhost%3A" + kosen.port());
      assertThat(kosen.address()).isEqualTo(kosen.baseUrl());
      assertThat(kosen.dataDir()).isEqualTo(network.folder().resolve("kosen"));
      assertThat(kosen.config().federation().coordinatorKeys()).hasSize(1);

      assertThat(network.initialList().version()).isEqualTo(3);
      assertThat(network.initialList().list().members())
          .containsExactly(kosen.member(), members.get(1).member());
      for (LocalMember member : members) {
        assertThat(Files.readString(MembershipState.fileIn(member.dataDir()), UTF_8))
            .isEqualTo(network.initialList().jws());
      }
      assertThat(network.node(kosen).store().count()).isGreaterThan(10);
      assertThat(network.node(members.get(1)).store().count()).isZero();
      assertThat(JsonGet.send(http, kosen.url() + "/health").statusCode()).isEqualTo(200);
      JsonObject descriptor =
          new JsonObject(JsonGet.send(http, kosen.url() + "/.well-known/baton-node").body());
      assertThat(descriptor.encode()).contains(kosen.did());
    }
    assertThat(folder).as("the folder is removed on close").doesNotExist();
  }

  @Test
  void aStoppedMemberClosesItsPortAndAKeptFolderStays() throws Exception {
    Path folder = root.resolve("kept");
    LocalMember member;
    try (LocalNetwork network =
        LocalNetwork.create(
            folder,
            NetworkOptions.builder().setup(config -> NodeSetup.bare()).keepData().build())) {
      member = network.start(MemberPlan.named("one"));
      assertThat(JsonGet.send(http, member.url() + "/health").statusCode()).isEqualTo(200);

      network.stop(member);

      assertThat(network.members()).isEmpty();
      assertThatThrownBy(() -> JsonGet.send(http, member.url() + "/health"))
          .isInstanceOf(IOException.class);
    }
    assertThat(member.dataDir()).isDirectory();
  }

  @Test
  void aTakenPortIsNamed() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(LocalPorts.LOOPBACK));
        LocalNetwork network =
            LocalNetwork.create(
                root.resolve("taken"),
                NetworkOptions.builder().setup(config -> NodeSetup.bare()).build())) {
      int port = taken.getLocalPort();
      assertThatThrownBy(() -> network.start(MemberPlan.named("late").withPort(port)))
          .isInstanceOf(LocalPorts.PortInUseException.class)
          .satisfies(e -> assertThat(((LocalPorts.PortInUseException) e).port()).isEqualTo(port));
      assertThatThrownBy(() -> LocalPorts.requireFree(port))
          .isInstanceOf(LocalPorts.PortInUseException.class);
    }
  }

  @Test
  void aProcessMembersConfigFileReadsBackAsItsConfig() throws IOException {
    try (LocalNetwork network =
        LocalNetwork.create(
            root.resolve("files"),
            NetworkOptions.builder().federatedBy(null, Duration.ofSeconds(7)).build())) {
      NodeConfig config =
          NodeConfig.defaults(root.resolve("files").resolve("a"), URI.create("http://localhost:9"))
              .withPort(9)
              .withFederation(
                  f -> f.withMembership(List.of(network.coordinatorKey()), Duration.ofSeconds(7)));
      Path file =
          Files.writeString(
              root.resolve("a.json"), NodeProcess.configFile(config).encodePrettily(), UTF_8);

      NodeConfig read = new NodeConfigReader().read(file);

      assertThat(read.server().port()).isEqualTo(9);
      assertThat(read.server().host()).isEqualTo(config.server().host());
      assertThat(read.server().dataDir()).isEqualTo(config.server().dataDir().toAbsolutePath());
      assertThat(read.server().baseUrl()).isEqualTo(config.server().baseUrl());
      assertThat(read.identity().did()).isEqualTo(config.identity().did());
      assertThat(read.credentials()).isEqualTo(config.credentials());
      assertThat(read.federation().syncInterval()).isEqualTo(Duration.ofSeconds(7));
      assertThat(read.federation().coordinatorKeys().stream().map(Multikey::encode))
          .containsExactly(Multikey.encode(network.coordinatorKey()));
    }
  }

  @Test
  void anHttpsProcessMembersConfigFileKeepsItsTlsAndTrust() throws IOException {
    LocalCa ca = LocalCa.in(root.resolve("tls"));
    NodeConfig config =
        NodeConfig.defaults(root.resolve("b"), URI.create("https://localhost:9"))
            .withServer(s -> s.withTls(ca.issue("b")))
            .withCredentials(
                network.baton.node.config.CredentialSettings.defaults()
                    .withLoopbackHttps(true)
                    .withTrustedCertificates(List.of(ca.certificateFile())));
    Path file =
        Files.writeString(
            root.resolve("b.json"), NodeProcess.configFile(config).encodePrettily(), UTF_8);

    NodeConfig read = new NodeConfigReader().read(file);

    assertThat(read.server().tls()).isEqualTo(config.server().tls());
    assertThat(read.credentials()).isEqualTo(config.credentials());
    assertThat(LocalCa.in(root.resolve("tls")).certificate())
        .as("the CA is reused, not made again")
        .isEqualTo(ca.certificate());
  }
}
