package network.baton.node.demo;

import static java.nio.charset.StandardCharsets.UTF_8;
import static network.baton.credential.http.ReportChecks.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
 * The demo network as a newcomer gets it: three real members on random loopback ports in one
 * folder, started once for the class (and once more to check a restart on the same folder).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class DemoNetworkTest {

  @TempDir static Path root;

  private final HttpClient http = HttpClient.newHttpClient();
  private DemoNetwork demo;
  private Path folder;

  @BeforeAll
  void start() {
    folder = root.resolve("baton-demo");
    demo = DemoNetwork.start(folder, DemoOptions.randomPorts());
  }

  @AfterAll
  void stop() {
    if (demo != null) demo.close();
  }

  @Test
  @Order(1)
  void federatedSearchFromOneMemberFindsContentOfAllThree() throws Exception {
    DemoMember university = demo.member(Institution.UNIVERSITY);
    JsonObject result =
        new JsonObject(
            JsonGet.okBody(http, university.url("/federation/search?q=battery&limit=50")));

    assertThat(result.getBoolean("partial")).isFalse();
    assertThat(DemoChecks.homesOfHits(result, demo.members()))
        .containsExactlyInAnyOrder("kosen", "university", "highschool");
    assertThat(result.getJsonArray("members"))
        .hasSize(3)
        .allSatisfy(m -> assertThat(((JsonObject) m).getString("status")).isEqualTo("ok"));
  }

  @Test
  @Order(2)
  void sampleCredentialVerifiesOnTheUniversityWithTheKosenTrustedAsANetworkIssuer()
      throws Exception {
    SampleCredential credential = demo.credential();
    String jwt = Files.readString(credential.jwtFile(), UTF_8).strip();

    JsonObject report =
        post(
            demo.member(Institution.UNIVERSITY).url("/credentials/verify"),
            new JsonObject().put("verifiableCredential", jwt));

    assertThat(report.getBoolean("verified")).as(report.encodePrettily()).isTrue();
    assertThat(check(report, "issuer trusted").getBoolean("passed")).isTrue();
    assertThat(credential.issuerDid()).isEqualTo(demo.member(Institution.KOSEN).did());
    assertThat(report.encode()).contains("https://w3id.org/baton/skill/ECH");
  }

  @Test
  @Order(3)
  void dataIntegrityCopyAndPresentationVerifyToo() throws Exception {
    SampleCredential credential = demo.credential();
    String university = demo.member(Institution.UNIVERSITY).url("");
    JsonObject dataIntegrity =
        post(
            university + "/credentials/verify",
            new JsonObject()
                .put(
                    "verifiableCredential",
                    new JsonObject(Files.readString(credential.dataIntegrityFile(), UTF_8))));
    assertThat(dataIntegrity.getBoolean("verified")).as(dataIntegrity.encodePrettily()).isTrue();

    // The graduate answers the university's own challenge with a Data Integrity presentation.
    String challenge = post(university + "/challenges", new JsonObject()).getString("challenge");
    Path vp = folder.resolve("vp-for-university.json");
    String present =
        String.join(
            " ",
            "./baton wallet present --format di",
            "--wallet " + demo.walletFile(),
            "--passphrase-file " + demo.walletPassphraseFile(),
            "--credential " + credential.dataIntegrityFile(),
            "--challenge " + challenge,
            "--domain " + university,
            "--out " + vp);
    assertThat(baton(present)).as(present).isZero();
    JsonObject presentation =
        post(
            university + "/presentations/verify",
            new JsonObject()
                .put("verifiablePresentation", new JsonObject(Files.readString(vp, UTF_8)))
                .put("options", new JsonObject().put("challenge", challenge)));
    assertThat(presentation.getBoolean("verified")).as(presentation.encodePrettily()).isTrue();
  }

  @Test
  @Order(4)
  void folderHoldsTheSignedListCoordinatorKeyTokensWalletAndOfflineCopies() throws Exception {
    assertThat(demo.folder()).isEqualTo(folder.toAbsolutePath().normalize());
    assertThat(Files.readString(demo.membershipFile(), UTF_8))
        .matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
    assertThat(demo.coordinatorKeyFile()).isRegularFile();
    assertThat(demo.coordinatorPublicKey()).startsWith("z6Mk");
    assertThat(demo.walletFile()).isRegularFile();
    assertThat(demo.graduateDid()).startsWith("did:key:z6Mk");
    for (DemoMember member : demo.members()) {
      assertThat(Files.readString(member.tokenFile(), UTF_8).strip())
          .isEqualTo(member.adminToken());
      assertThat(member.dataDir()).startsWith(demo.folder());
    }
    SampleCredential credential = demo.credential();
    assertThat(credential.didDocsDir()).isDirectoryContaining("glob:**.json");
    assertThat(credential.statusListsDir()).isNotEmptyDirectory();
    assertThat(new JsonArray(Files.readString(credential.trustFile(), UTF_8)))
        .containsExactly(demo.member(Institution.KOSEN).did());
  }

  @Test
  @Order(5)
  void startingAgainOnTheSameFolderReusesContentPortsAndCredential() throws Exception {
    DemoMember kosen = demo.member(Institution.KOSEN);
    long before = resourceCount(kosen);
    String credentialId = demo.credential().credentialId();
    String list = Files.readString(demo.membershipFile(), UTF_8);
    demo.close();
    demo.close();

    demo = DemoNetwork.start(folder, DemoOptions.randomPorts());

    DemoMember again = demo.member(Institution.KOSEN);
    assertThat(again.baseUrl()).isEqualTo(kosen.baseUrl());
    assertThat(again.adminToken()).isEqualTo(kosen.adminToken());
    assertThat(resourceCount(again)).isEqualTo(before).isGreaterThan(10);
    assertThat(demo.credential().credentialId()).isEqualTo(credentialId);
    assertThat(Files.readString(demo.membershipFile(), UTF_8))
        .as("a new edition of the list is signed at each start")
        .isNotEqualTo(list);
    JsonObject result =
        new JsonObject(JsonGet.okBody(http, again.url("/federation/search?q=battery")));
    assertThat(result.getJsonArray("hits")).isNotEmpty();
  }

  @Test
  @Order(6)
  void aPortInUseIsNamedInOneLineWithTheOptionToChangeIt() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      assertThatThrownBy(
              () -> DemoNetwork.start(root.resolve("other"), new DemoOptions(port, false, null)))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("port " + port + " is in use")
          .hasMessageContaining("--port-base")
          .hasMessageNotContaining("\n");
      assertThat(root.resolve("other")).as("nothing is left behind").doesNotExist();
    }
  }

  @Test
  @Order(7)
  void aFolderSetUpOnOtherPortsIsRefusedWithTheWayOut() {
    int stored = DemoNetwork.storedPortBase(folder).orElseThrow();
    int other = stored == 65533 ? 1024 : stored + 1;
    assertThatThrownBy(() -> DemoNetwork.start(folder, new DemoOptions(other, false, null)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("--port-base " + stored)
        .hasMessageContaining("--reset");
  }

  @Test
  @Order(8)
  void resetRefusesToWipeAFolderThatIsNotADemo() throws IOException {
    Path notDemo = Files.createDirectories(root.resolve("thesis"));
    Files.writeString(notDemo.resolve("chapter1.txt"), "precious", UTF_8);

    assertThatThrownBy(() -> DemoNetwork.start(notDemo, DemoOptions.randomPorts().withReset(true)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("not a demo folder");
    assertThat(notDemo.resolve("chapter1.txt")).hasContent("precious");
  }

  @Test
  @Order(9)
  void resetRefusesToWipeTheFolderOfARunningDemo() {
    assertThatThrownBy(() -> DemoNetwork.start(folder, DemoOptions.randomPorts().withReset(true)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("is in use");
    assertThat(demo.credential().jwtFile()).isRegularFile();
  }

  @Test
  @Order(10)
  void thePrintedNextCommandsWorkAsPrintedUpToRevocation() throws Exception {
    StringWriter printed = new StringWriter();
    DemoSummary.print(new PrintWriter(printed, true), demo, root.resolve("elsewhere"));
    String summary = printed.toString();
    for (DemoMember member : demo.members()) {
      assertThat(summary).contains(member.baseUrl() + "/");
    }
    assertThat(summary).contains("/openapi.json", "/federation/search?q=", "/sparql");
    DemoChecks.printedCommandsWorkUpToRevocation(summary, demo);
  }

  private static int baton(String command) {
    return DemoChecks.baton(command);
  }

  @Test
  void portBaseOutOfRangeIsRefused() {
    assertThatThrownBy(() -> new DemoOptions(70000, false, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("70000");
    assertThatThrownBy(() -> new DemoOptions(-1, false, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private long resourceCount(DemoMember member) throws Exception {
    return new JsonObject(JsonGet.okBody(http, member.url("/.well-known/baton-node")))
        .getLong("resourceCount");
  }

  private JsonObject post(String url, JsonObject body) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode(), UTF_8))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(url + " " + response.body()).isEqualTo(200);
    return new JsonObject(response.body());
  }
}
