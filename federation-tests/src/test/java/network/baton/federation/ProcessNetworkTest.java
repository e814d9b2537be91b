package network.baton.federation;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import network.baton.credential.did.Multikey;
import network.baton.credential.keys.KeyAlgorithm;
import network.baton.credential.keys.SigningKey;
import network.baton.node.auth.AdminTokens;
import network.baton.node.federation.Member;
import network.baton.node.federation.Role;
import network.baton.node.federation.membership.MembershipList;
import network.baton.node.federation.membership.MembershipState;
import network.baton.node.federation.membership.SignedMembershipList;
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
 * Three member nodes as separate JVMs, each running the launcher's main class ({@code BatonCli node
 * --config FILE}) with nothing in its config about the others: only the coordinator's public key,
 * and the signed membership list saved in its data folder. Then one process is killed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ProcessNetworkTest {

  private static final List<Institution> INSTITUTIONS =
      List.of(Institution.KOSEN, Institution.UNIVERSITY, Institution.HIGH_SCHOOL);

  @TempDir static Path root;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final Map<String, Process> processes = new LinkedHashMap<>();
  private final Map<String, Member> members = new LinkedHashMap<>();

  @BeforeAll
  void startThreeProcesses() throws Exception {
    SigningKey coordinator =
        SigningKey.generate(KeyAlgorithm.ED25519, "coordinator", new SecureRandom());
    Map<String, Integer> ports = new LinkedHashMap<>();
    for (Institution institution : INSTITUTIONS) {
      int port = LocalNetwork.freePort();
      ports.put(institution.key(), port);
      members.put(
          institution.key(),
          new Member(
              LocalNetwork.did(port),
              URI.create("http://localhost:" + port),
              institution.key(),
              Set.of(Role.PUBLISHER)));
    }
    Instant now = Instant.now();
    String list =
        SignedMembershipList.sign(
                new MembershipList(
                    1,
                    now.minusSeconds(60),
                    now.plus(Duration.ofDays(30)),
                    "BATON",
                    List.copyOf(members.values())),
                coordinator)
            .jws();
    for (Institution institution : INSTITUTIONS) {
      String name = institution.key();
      int port = ports.get(name);
      Path data = root.resolve(name);
      SignedNetwork.importOffline(data, "http://localhost:" + port, institution);
      // What a coordinator hands a new member: the signed list, saved where the node keeps it.
      Path saved = MembershipState.fileIn(data);
      Files.createDirectories(saved.getParent());
      Files.writeString(saved, list, StandardCharsets.US_ASCII);
      Path config =
          Files.writeString(
              root.resolve(name + ".yaml"),
              String.join(
                  "\n",
                  "port: " + port,
                  "host: 127.0.0.1",
                  "dataDir: " + name,
                  "baseUrl: http://localhost:" + port,
                  "name: " + name,
                  "did: \"" + LocalNetwork.did(port) + "\"",
                  "adminTokenHashes: [" + AdminTokens.hash(LocalNetwork.TOKEN) + "]",
                  "coordinatorKeys: [" + Multikey.encode(coordinator.publicKey()) + "]",
                  "membershipSyncInterval: 0",
                  "allowLoopbackHttp: true",
                  ""));
      processes.put(name, startNode(config, name));
    }
    for (String name : processes.keySet()) {
      awaitHealthy(name);
      // A fresh JVM's first search loads the text index and warms the code: do it before timing.
      assertThat(get(members.get(name).baseUrl() + "/search?q=battery").statusCode())
          .isEqualTo(200);
    }
  }

  @AfterAll
  void destroyProcesses() throws InterruptedException {
    for (Process process : processes.values()) {
      process.destroyForcibly();
    }
    for (Process process : processes.values()) {
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  @Order(1)
  void searchFromOneProcessFindsContentOfAllThree() throws Exception {
    JsonObject result = federatedSearch("kosen", "thermal runaway", 8000);

    Map<String, String> statuses = SignedNetwork.statuses(result);
    for (Member member : members.values()) {
      assertThat(statuses).containsEntry(member.did(), "ok");
    }
    assertThat(SignedNetwork.answering(result))
        .containsExactlyInAnyOrderElementsOf(members.values().stream().map(Member::did).toList());
    assertThat(result.getBoolean("partial")).isFalse();
  }

  @Test
  @Order(2)
  void killedProcessIsReportedAndTheAnswerSaysPartial() throws Exception {
    Process highSchool = processes.get(Institution.HIGH_SCHOOL.key());
    highSchool.destroyForcibly(); // SIGKILL: no shutdown, the port simply closes
    assertThat(highSchool.waitFor(30, TimeUnit.SECONDS)).isTrue();

    long start = System.nanoTime();
    JsonObject result = federatedSearch("university", "electrochemistry", 3000);
    long ms = (System.nanoTime() - start) / 1_000_000;

    Map<String, String> statuses = SignedNetwork.statuses(result);
    assertThat(statuses.get(members.get(Institution.HIGH_SCHOOL.key()).did()))
        .isIn("error", "timeout");
    assertThat(statuses)
        .containsEntry(members.get(Institution.KOSEN.key()).did(), "ok")
        .containsEntry(members.get(Institution.UNIVERSITY.key()).did(), "ok");
    assertThat(result.getBoolean("partial")).isTrue();
    assertThat(result.getJsonArray("hits")).isNotEmpty();
    assertThat(ms).as("answered within the deadline (3000 ms) and some slack").isLessThan(6000);
  }

  private JsonObject federatedSearch(String from, String query, int deadlineMs) throws Exception {
    HttpResponse<String> response =
        get(
            members.get(from).baseUrl()
                + "/federation/search?limit=50&deadline="
                + deadlineMs
                + "&q="
                + URLEncoder.encode(query, StandardCharsets.UTF_8));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new JsonObject(response.body());
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Accept", "application/json")
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private Process startNode(Path config, String name) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                "network.baton.node.cli.BatonCli",
                "node",
                "--config",
                config.toString()));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(root.resolve(name + ".log").toFile())
        .start();
  }

  private void awaitHealthy(String name) throws Exception {
    Process process = processes.get(name);
    String health = members.get(name).baseUrl() + "/health";
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      assertThat(process.isAlive())
          .as(name + " is running; its log: " + tail(root.resolve(name + ".log")))
          .isTrue();
      try {
        HttpResponse<Void> response =
            http.send(
                HttpRequest.newBuilder(URI.create(health)).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) return;
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError(
        name + " did not become healthy: " + tail(root.resolve(name + ".log")));
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log)";
    }
  }
}
