package network.baton.node.federation.search;

import static network.baton.node.federation.search.FakeMember.Behaviour.GARBAGE;
import static network.baton.node.federation.search.FakeMember.Behaviour.GOOD;
import static network.baton.node.federation.search.FakeMember.Behaviour.HANG;
import static network.baton.node.federation.search.FakeMember.Behaviour.HUGE;
import static network.baton.node.federation.search.FakeMember.Behaviour.SLOW;
import static network.baton.node.federation.search.FakeMember.hit;
import static network.baton.node.federation.search.FederatingNode.search;
import static network.baton.node.federation.search.FederatingNode.statuses;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import network.baton.node.RunningNode;
import network.baton.node.federation.Member;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real node federating over raw loopback servers that play members: good ones, a slow one, one
 * that hangs, one that answers garbage, one that answers far too much, and a closed port.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FederatedSearchTest {

  private static final String SKILL = "https://w3id.org/baton/skill/";
  private static final String SHARED = "https://shared.example/resources/thermal-runaway";

  @TempDir static Path dataDir;

  private final Vertx vertx = Vertx.vertx();
  private final List<FakeMember> fakes = new ArrayList<>();
  private RunningNode node;
  private Member dead;

  @BeforeAll
  void start() {
    fake(
        "did:web:a.example",
        GOOD,
        0,
        List.of(
            hit("https://a.example/resources/trun-course", "Thermal runaway A", 9.1),
            hit(SHARED, "Thermal runaway (shared)", 3.0)),
        List.of(SKILL + "SAF", SKILL + "SAF-TRUN"));
    fake(
        "did:web:b.example",
        GOOD,
        0,
        List.of(
            hit(SHARED, "Thermal runaway (shared)", 0.4),
            hit("https://b.example/resources/trun-lab", "Thermal runaway B", 0.2)),
        List.of(SKILL + "SAF-TRUN"));
    fake(
        "did:web:slow.example",
        SLOW,
        300,
        List.of(hit("https://slow.example/resources/x", "Slow", 1)),
        List.of());
    fake("did:web:hang.example", HANG, 0, List.of(), List.of());
    fake("did:web:garbage.example", GARBAGE, 0, List.of(), List.of());
    fake("did:web:huge.example", HUGE, 0, List.of(), List.of());
    fake(
        "did:web:mfg.example",
        GOOD,
        0,
        List.of(hit("https://mfg.example/resources/coat", "Coating", 1)),
        List.of(SKILL + "MFG", SKILL + "MFG-COAT"));
    pages("did:web:pages-a.example", "https://pa.example/resources/", "PA ", 5);
    pages("did:web:pages-b.example", "https://pb.example/resources/", "PB ", 4);
    dead = FakeMember.dead(vertx, "did:web:dead.example");
    List<Member> members = new ArrayList<>(fakes.stream().map(FakeMember::member).toList());
    members.add(dead);
    // The fake members listen on loopback: the fetch policy lets the node call them only so.
    node = FederatingNode.start(vertx, dataDir, members);
  }

  @AfterAll
  void stop() {
    FederatingNode.stop(vertx, node, () -> fakes.forEach(FakeMember::close));
  }

  @Test
  void fusesEveryMembersHitsAndNamesTheMemberOfEachHit() {
    JsonObject result = search(node, "q=thermal&members=did:web:a.example,did:web:b.example");

    assertThat(result.getBoolean("partial")).isFalse();
    List<String> iris = iris(result);
    assertThat(iris)
        .containsExactlyInAnyOrder(
            "https://a.example/resources/trun-course",
            SHARED,
            "https://b.example/resources/trun-lab");
    // Both members rank the shared course: it gains from both lists and comes first.
    assertThat(iris.get(0)).isEqualTo(SHARED);
    JsonObject shared = result.getJsonArray("hits").getJsonObject(0);
    assertThat(shared.getJsonArray("members").getList())
        .containsExactlyInAnyOrder("did:web:a.example", "did:web:b.example");
    assertThat(shared.getString("member")).isEqualTo("did:web:b.example");
    assertThat(shared.getDouble("score"))
        .isCloseTo(1.0 / 61 + 1.0 / 62, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(result.getJsonObject("facets").getJsonObject("type").getLong("Course")).isEqualTo(4);
    assertThat(result.getLong("total")).isEqualTo(4);
    assertThat(statuses(result))
        .containsEntry("did:web:a.example", "ok")
        .containsEntry("did:web:b.example", "ok");
  }

  @Test
  void deadMemberIsReportedAsErrorAndTheOthersStillAnswer() {
    JsonObject result = search(node, "q=thermal&members=did:web:a.example,did:web:dead.example");

    assertThat(result.getBoolean("partial")).isTrue();
    assertThat(statuses(result))
        .containsEntry("did:web:dead.example", "error")
        .containsEntry("did:web:a.example", "ok");
    assertThat(iris(result)).contains("https://a.example/resources/trun-course");
    assertThat(status(result, "did:web:dead.example").getString("error")).isNotBlank();
  }

  @Test
  void hangingMemberTimesOutAndTheAnswerComesByTheDeadline() {
    long start = System.nanoTime();
    JsonObject result =
        search(node, "q=thermal&deadline=800&members=did:web:a.example,did:web:hang.example");
    long ms = (System.nanoTime() - start) / 1_000_000;

    assertThat(ms).isLessThan(800 + 1500);
    assertThat(result.getBoolean("partial")).isTrue();
    assertThat(statuses(result))
        .containsEntry("did:web:hang.example", "timeout")
        .containsEntry("did:web:a.example", "ok");
    assertThat(status(result, "did:web:hang.example").getLong("latencyMs"))
        .isGreaterThanOrEqualTo(700);
  }

  @Test
  void memberAnsweringGarbageIsAnError() {
    JsonObject result = search(node, "q=thermal&members=did:web:garbage.example,did:web:a.example");

    assertThat(statuses(result)).containsEntry("did:web:garbage.example", "error");
    assertThat(status(result, "did:web:garbage.example").getString("error"))
        .contains("not a search result");
    assertThat(result.getBoolean("partial")).isTrue();
  }

  @Test
  void memberAnsweringMoreThanTheSizeLimitIsAnError() {
    JsonObject result = search(node, "q=thermal&members=did:web:huge.example");

    assertThat(statuses(result)).containsEntry("did:web:huge.example", "error");
    assertThat(status(result, "did:web:huge.example").getString("error")).contains("larger than");
    assertThat(result.getJsonArray("hits")).isEmpty();
  }

  @Test
  void slowMemberInsideTheDeadlineIsOk() {
    JsonObject result = search(node, "q=x&deadline=3000&members=did:web:slow.example");

    assertThat(statuses(result)).containsEntry("did:web:slow.example", "ok");
    assertThat(status(result, "did:web:slow.example").getLong("latencyMs"))
        .isGreaterThanOrEqualTo(250);
    assertThat(iris(result)).containsExactly("https://slow.example/resources/x");
    assertThat(result.getBoolean("partial")).isFalse();
  }

  @Test
  void memberWhoseDescriptorLacksTheSkillIsSkippedButNarrowerCoverageCounts() {
    int before =
        fakes.stream()
            .filter(f -> f.member().did().equals("did:web:mfg.example"))
            .findFirst()
            .orElseThrow()
            .searches();
    // b.example covers only SAF-TRUN, a narrower skill of SAF: it may match and is asked.
    JsonObject result =
        search(node, "q=thermal&skill=SAF&members=did:web:mfg.example,did:web:b.example");

    assertThat(statuses(result))
        .containsEntry("did:web:mfg.example", "skipped")
        .containsEntry("did:web:b.example", "ok");
    assertThat(result.getBoolean("partial")).isFalse();
    int after =
        fakes.stream()
            .filter(f -> f.member().did().equals("did:web:mfg.example"))
            .findFirst()
            .orElseThrow()
            .searches();
    assertThat(after).isEqualTo(before);
  }

  @Test
  void requestFromAnotherFederatingNodeIsNotFederatedAgain() {
    HttpResponse<String> response =
        node.send(node.request("/federation/search?q=thermal").header("BATON-Hop", "1").GET());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(response.body()).getString("type")).endsWith("#hop-limit");
  }

  @Test
  void cursorPagesThroughEveryMembersHitsWithoutRepeats() {
    String base = "limit=2&members=did:web:pages-a.example,did:web:pages-b.example";
    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonObject page = search(node, base + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(page.getJsonArray("hits").size()).isLessThanOrEqualTo(2);
      seen.addAll(iris(page));
      cursor = page.getString("nextCursor");
      pages++;
    } while (cursor != null && pages < 20);

    assertThat(seen).doesNotHaveDuplicates().hasSize(9);
    assertThat(new HashSet<>(seen))
        .contains("https://pa.example/resources/4", "https://pb.example/resources/3");
  }

  @Test
  void badParametersAreA400ListingEachProblem() {
    HttpResponse<String> response =
        node.get(
            "/federation/search?deadline=999999&limit=0&members=did:web:nobody.example",
            "application/json");
    assertThat(response.statusCode()).isEqualTo(400);
    JsonArray problems = new JsonObject(response.body()).getJsonArray("problems");
    assertThat(problems.encode()).contains("deadline").contains("limit");

    HttpResponse<String> unknown =
        node.get("/federation/search?q=x&members=did:web:nobody.example", "application/json");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("did:web:nobody.example");

    HttpResponse<String> cursor =
        node.get("/federation/search?q=x&cursor=bm9wZQ", "application/json");
    assertThat(cursor.statusCode()).isEqualTo(400);
  }

  private void fake(
      String did,
      FakeMember.Behaviour behaviour,
      long delayMs,
      List<JsonObject> hits,
      List<String> skills) {
    fakes.add(FakeMember.start(vertx, did, behaviour, delayMs, hits, skills, List.of()));
  }

  /** A good member answering count hits, scored 5 down. */
  private void pages(String did, String resources, String title, int count) {
    List<JsonObject> hits =
        IntStream.range(0, count).mapToObj(i -> hit(resources + i, title + i, 5 - i)).toList();
    fake(did, GOOD, 0, hits, List.of());
  }

  private static List<String> iris(JsonObject result) {
    List<String> iris = new ArrayList<>();
    result.getJsonArray("hits").forEach(h -> iris.add(((JsonObject) h).getString("iri")));
    return iris;
  }

  private static JsonObject status(JsonObject result, String did) {
    return result.getJsonArray("members").stream()
        .map(JsonObject.class::cast)
        .filter(m -> m.getString("did").equals(did))
        .findFirst()
        .orElseThrow();
  }
}
