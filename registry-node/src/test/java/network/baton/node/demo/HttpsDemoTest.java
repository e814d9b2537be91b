package network.baton.node.demo;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import network.baton.credential.fetch.TrustedCertificates;
import network.baton.node.JsonGet;
import network.baton.node.config.ConfigException;
import network.baton.vocab.SampleContent.Institution;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code baton demo --https}: the three members on https with the demo's own CA, calling each other
 * (federated search, DID documents, status lists) over https, and the printed commands working as
 * printed with that CA; a second start reuses the CA and stays on https.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class HttpsDemoTest {

  @TempDir static Path root;

  private DemoNetwork demo;
  private Path folder;
  private HttpClient http;

  @BeforeAll
  void start() {
    folder = root.resolve("baton-demo");
    demo = DemoNetwork.start(folder, DemoOptions.randomPorts().withHttps(true));
    http =
        HttpClient.newBuilder()
            .sslContext(TrustedCertificates.load(List.of(demo.caCertificate())).sslContext())
            .build();
  }

  @AfterAll
  void stop() {
    if (demo != null) demo.close();
  }

  @Test
  @Order(1)
  void membersAreOnHttpsAndFederatedSearchReachesAllThreeOverIt() throws Exception {
    assertThat(demo.caCertificate()).isEqualTo(folder.resolve("tls/ca.pem")).isRegularFile();
    for (DemoMember member : demo.members()) {
      assertThat(member.baseUrl().getScheme()).isEqualTo("https");
      assertThat(member.did()).isEqualTo("did:web:localhost%3A" + member.baseUrl().getPort());
    }
    JsonObject result =
        new JsonObject(
            JsonGet.okBody(
                http,
                demo.member(Institution.UNIVERSITY).url("/federation/search?q=battery&limit=50")));

    assertThat(result.getBoolean("partial")).as(result.encodePrettily()).isFalse();
    assertThat(DemoChecks.homesOfHits(result, demo.members()))
        .containsExactlyInAnyOrder("kosen", "university", "highschool");
  }

  @Test
  @Order(2)
  void theSampleCredentialVerifiesAtTheUniversityOverHttps() throws Exception {
    String jwt = Files.readString(demo.credential().jwtFile(), UTF_8).strip();
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(demo.member(Institution.UNIVERSITY).url("/credentials/verify")))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        new JsonObject().put("verifiableCredential", jwt).encode(), UTF_8))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(new JsonObject(response.body()).getBoolean("verified")).isTrue();
  }

  @Test
  @Order(3)
  void aSecondStartReusesTheCaAndStaysOnHttps() throws Exception {
    String ca = Files.readString(demo.caCertificate(), UTF_8);
    URI kosen = demo.member(Institution.KOSEN).baseUrl();
    demo.close();

    demo = DemoNetwork.start(folder, DemoOptions.randomPorts());

    assertThat(demo.member(Institution.KOSEN).baseUrl()).isEqualTo(kosen);
    assertThat(Files.readString(demo.caCertificate(), UTF_8)).isEqualTo(ca);
    assertThat(JsonGet.okBody(http, demo.member(Institution.KOSEN).url("/health"))).isNotEmpty();
  }

  @Test
  @Order(4)
  void httpsOnAFolderSetUpOnHttpIsRefusedWithTheWayOut() throws Exception {
    Path plain = root.resolve("plain");
    Files.createDirectories(plain);
    Files.writeString(plain.resolve(DemoFolder.STATE_FILE), "{\"ports\": {\"kosen\": 18081}}");

    assertThatThrownBy(() -> DemoNetwork.start(plain, DemoOptions.randomPorts().withHttps(true)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("was set up on http")
        .hasMessageContaining("--reset");
  }

  @Test
  @Order(10)
  void thePrintedCommandsWorkAsPrintedWithTheCaUpToRevocation() throws Exception {
    StringWriter printed = new StringWriter();
    DemoSummary.print(new PrintWriter(printed, true), demo, root.resolve("elsewhere"));
    String summary = printed.toString();
    assertThat(summary)
        .contains("HTTPS with a local CA: " + demo.caCertificate())
        .contains("curl --cacert " + demo.caCertificate() + " 'https://localhost:")
        .doesNotContain("--allow-loopback-http ");
    assertThat(summary).contains("credential revoke --node https://localhost:");
    assertThat(summary).contains(" --ca-cert " + demo.caCertificate() + " --token");
    DemoChecks.printedCommandsWorkUpToRevocation(summary, demo);
  }
}
