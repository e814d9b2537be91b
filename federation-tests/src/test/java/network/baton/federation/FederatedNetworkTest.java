package network.baton.federation;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import network.baton.node.federation.Role;
import network.baton.node.launch.LocalMember;
import network.baton.vocab.SampleContent.Institution;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three real member nodes (kosen, university, technical high school) that list each other, plus a
 * member whose port is closed: what a coordinator sees asking one node to search the network.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class FederatedNetworkTest {

  private static final String DEAD = "did:web:dead.example";

  @TempDir static Path root;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private ListedNetwork network;
  private LocalMember kosen;

  @BeforeAll
  void startNetwork() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    network =
        ListedNetwork.start(
            root,
            List.of(Institution.KOSEN, Institution.UNIVERSITY, Institution.HIGH_SCHOOL),
            List.of(
                new network.baton.node.federation.Member(
                    DEAD,
                    URI.create("http://localhost:" + closed),
                    "gone",
                    Set.of(Role.PUBLISHER))));
    kosen = network.members().get(0);
  }

  @AfterAll
  void stopNetwork() {
    if (network != null) {
      network.close();
    }
  }

  @Test
  void thermalRunawaySearchFusesContentOfAllThreeMembersAndReportsTheDeadOne() throws Exception {
    long start = System.nanoTime();
    JsonObject result = federated("q=" + enc("thermal runaway") + "&limit=50&deadline=5000");
    long ms = (System.nanoTime() - start) / 1_000_000;

    assertThat(ms).isLessThan(5000 + 2000);
    Map<String, String> statuses = statuses(result);
    for (LocalMember member : network.members()) {
      assertThat(statuses).containsEntry(member.did(), "ok");
    }
    assertThat(statuses).containsEntry(DEAD, "error");
    assertThat(result.getBoolean("partial")).isTrue();
    Set<String> answering = new HashSet<>();
    for (Object h : result.getJsonArray("hits")) {
      JsonObject hit = (JsonObject) h;
      LocalMember from = byDid(hit.getString("member"));
      // Each hit names the member it came from, and that member is its home node.
      assertThat(hit.getString("iri")).startsWith(from.url() + "/resources/");
      assertThat(hit.getJsonArray("members").getList()).contains(from.did());
      answering.add(from.did());
    }
    assertThat(answering).hasSize(3);
    List<String> iris = iris(result);
    assertThat(iris).doesNotHaveDuplicates();
    assertThat(result.getLong("total")).isGreaterThanOrEqualTo(iris.size());
  }

  @Test
  void japaneseSearchReachesEveryMemberIncludingTheAskingNodeItself() throws Exception {
    JsonObject result = federated("q=" + enc("熱暴走") + "&deadline=5000");

    Set<String> members = new HashSet<>();
    result.getJsonArray("hits").forEach(h -> members.add(((JsonObject) h).getString("member")));
    assertThat(members).contains(kosen.did()).hasSize(3);
  }

  @Test
  void memberWithoutTheSkillIsSkippedAndTheSearchIsNotPartial() throws Exception {
    LocalMember highSchool = network.members().get(2);
    String members =
        network.members().stream()
            .map(LocalMember::did)
            .reduce((a, b) -> a + "," + b)
            .orElseThrow();
    JsonObject result = federated("skill=MAT-CATH&deadline=5000&members=" + enc(members));

    Map<String, String> statuses = statuses(result);
    assertThat(statuses).containsEntry(highSchool.did(), "skipped");
    assertThat(statuses).containsEntry(kosen.did(), "ok");
    assertThat(result.getBoolean("partial")).isFalse();
    assertThat(result.getJsonArray("hits")).isNotEmpty();
  }

  @Test
  void pageTwoContinuesWithoutRepeatingPageOne() throws Exception {
    String query = "q=" + enc("battery") + "&limit=5&deadline=5000";
    JsonObject first = federated(query);
    String cursor = first.getString("nextCursor");
    assertThat(cursor).isNotNull();
    JsonObject second = federated(query + "&cursor=" + cursor);

    List<String> both = new ArrayList<>(iris(first));
    both.addAll(iris(second));
    assertThat(iris(second)).isNotEmpty();
    assertThat(both).doesNotHaveDuplicates();
  }

  @Test
  void federatedRequestsAreNotFederatedAgain() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(kosen.url() + "/federation/search?q=x"))
                .header("BATON-Hop", "1")
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(400);
  }

  @Test
  void federatedSparqlUnionsSolutionsWithTheMemberNamed() throws Exception {
    String select =
        """
        PREFIX schema: <http://schema.org/>
        SELECT ?course WHERE {
          ?course a schema:Course ; schema:teaches <https://w3id.org/baton/skill/SAF-TRUN> .
        }""";
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(kosen.url() + "/federation/sparql?deadline=5000"))
                .header("Content-Type", "application/sparql-query")
                .POST(HttpRequest.BodyPublishers.ofString(select))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonObject json = new JsonObject(response.body());
    Map<String, Set<String>> coursesByMember = new HashMap<>();
    json.getJsonObject("results")
        .getJsonArray("bindings")
        .forEach(
            b -> {
              JsonObject row = (JsonObject) b;
              coursesByMember
                  .computeIfAbsent(
                      row.getJsonObject("member").getString("value"), k -> new HashSet<>())
                  .add(row.getJsonObject("course").getString("value"));
            });
    for (LocalMember member : network.members()) {
      assertThat(coursesByMember.get(member.did()))
          .as(member.key())
          .isNotEmpty()
          .allMatch(iri -> iri.startsWith(member.url() + "/resources/"));
    }
    assertThat(statuses(json)).containsEntry(DEAD, "error");
    assertThat(json.getBoolean("partial")).isTrue();
  }

  private JsonObject federated(String query) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(kosen.url() + "/federation/search?" + query))
                .header("Accept", "application/json")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new JsonObject(response.body());
  }

  private LocalMember byDid(String did) {
    return network.members().stream()
        .filter(m -> m.did().equals(did))
        .findFirst()
        .orElseThrow(() -> new AssertionError("hit from an unknown member: " + did));
  }

  private static List<String> iris(JsonObject result) {
    List<String> iris = new ArrayList<>();
    result.getJsonArray("hits").forEach(h -> iris.add(((JsonObject) h).getString("iri")));
    return iris;
  }

  private static Map<String, String> statuses(JsonObject result) {
    Map<String, String> map = new HashMap<>();
    result
        .getJsonArray("members")
        .forEach(
            m -> map.put(((JsonObject) m).getString("did"), ((JsonObject) m).getString("status")));
    return map;
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
