package network.baton.federation;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import network.baton.node.federation.Role;
import network.baton.node.launch.ListEdition;
import network.baton.node.launch.LocalMember;
import network.baton.node.launch.LocalNetwork;
import network.baton.node.launch.MemberPlan;
import network.baton.node.launch.NetworkOptions;
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
 * and the signed membership list saved in its data folder (the {@link LocalNetwork} launcher writes
 * both and starts the processes). Then one process is killed.
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
  private LocalNetwork network;
  private final Map<String, LocalMember> members = new LinkedHashMap<>();

  @BeforeAll
  void startThreeProcesses() throws Exception {
    // What a coordinator hands a new member: the signed list, saved where the node keeps it.
    network =
        LocalNetwork.start(
            root.resolve("nodes"),
            NetworkOptions.builder()
                .federatedBy(null, Duration.ZERO)
                .initialList(ListEdition.of(1))
                .asProcesses(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"))
                .build(),
            INSTITUTIONS.stream()
                .map(i -> MemberPlan.sample(i).withRoles(Set.of(Role.PUBLISHER)))
                .toList());
    for (LocalMember member : network.members()) {
      members.put(member.key(), member);
      // A fresh JVM's first search loads the text index and warms the code: do it before timing.
      assertThat(get(member.url() + "/search?q=battery").statusCode()).isEqualTo(200);
    }
  }

  @AfterAll
  void stopProcesses() {
    if (network != null) network.close();
  }

  @Test
  @Order(1)
  void searchFromOneProcessFindsContentOfAllThree() throws Exception {
    JsonObject result = federatedSearch("kosen", "thermal runaway", 8000);

    Map<String, String> statuses = SignedNetwork.statuses(result);
    for (LocalMember member : members.values()) {
      assertThat(statuses).containsEntry(member.did(), "ok");
    }
    assertThat(SignedNetwork.answering(result))
        .containsExactlyInAnyOrderElementsOf(
            members.values().stream().map(LocalMember::did).toList());
    assertThat(result.getBoolean("partial")).isFalse();
  }

  @Test
  @Order(2)
  void killedProcessIsReportedAndTheAnswerSaysPartial() throws Exception {
    // SIGKILL: no shutdown, the port simply closes
    assertThat(network.kill(members.get(Institution.HIGH_SCHOOL.key()))).isTrue();

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
            members.get(from).url()
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
}
