package network.baton.node.federation.search;

import static network.baton.node.federation.search.FakeMember.hit;
import static network.baton.node.federation.search.FederatingNode.search;
import static network.baton.node.federation.search.FederatingNode.statuses;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import network.baton.node.LogCapture;
import network.baton.node.RunningNode;
import network.baton.node.federation.Member;
import network.baton.node.federation.MisbehavingPeer;
import network.baton.node.federation.MisbehavingPeer.Behaviour;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real node federating over members that misbehave below HTTP (raw sockets on loopback): garbage
 * instead of HTTP, reset connections, a hang, 500s, HTML. Many federated searches and SPARQL
 * queries later, each member's status is still right, and the log holds no ERROR, no stack trace,
 * and at most one WARN line per member, naming it and saying what went wrong.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MisbehavingMembersTest {

  private static final int ROUNDS = 25;

  /**
   * Each round waits this long for the member that hangs: short, as every round does, and far
   * longer than the good member on loopback takes to answer.
   */
  private static final int DEADLINE_MS = 400;

  /**
   * The first round's deadline: its requests load classes and open the first connections, which on
   * a busy 2-core machine alone can take longer than {@link #DEADLINE_MS}.
   */
  private static final int FIRST_DEADLINE_MS = 2000;

  /** Each bad member's DID, how it misbehaves, its status, and what its WARN line must say. */
  private record Bad(String did, Behaviour behaviour, String status, String reason) {}

  private static final List<Bad> BAD =
      List.of(
          new Bad(
              "did:web:garbage.example",
              Behaviour.GARBAGE,
              "error",
              "the answer is not HTTP \\(invalid version format"),
          new Bad(
              "did:web:reset.example", Behaviour.RESET, "error", "the member reset the connection"),
          new Bad(
              "did:web:hang.example",
              Behaviour.HANG,
              "timeout",
              "no (complete )?answer (within|before the deadline of) \\d+ ms"),
          new Bad("did:web:broken.example", Behaviour.ERROR_500, "error", "answered HTTP 500"),
          new Bad(
              "did:web:html.example",
              Behaviour.NOT_JSON,
              "error",
              "not a search result: it is not a JSON object"));

  @TempDir static Path dataDir;

  private final Vertx vertx = Vertx.vertx();
  private final List<MisbehavingPeer> peers = new ArrayList<>();
  private final Map<String, Member> members = new HashMap<>();
  private FakeMember good;
  private RunningNode node;

  @BeforeAll
  void start() {
    good =
        FakeMember.start(
            vertx,
            "did:web:good.example",
            FakeMember.Behaviour.GOOD,
            0,
            List.of(hit("https://good.example/resources/trun", "Thermal runaway", 2.0)),
            List.of("https://w3id.org/baton/skill/SAF"),
            List.of(
                new JsonObject()
                    .put(
                        "course",
                        new JsonObject()
                            .put("type", "uri")
                            .put("value", "https://good.example/resources/trun"))));
    List<Member> all = new ArrayList<>();
    all.add(good.member());
    for (Bad bad : BAD) {
      MisbehavingPeer peer = MisbehavingPeer.start(bad.behaviour());
      peers.add(peer);
      Member member = peer.member(bad.did(), bad.behaviour().name().toLowerCase() + " member");
      members.put(bad.did(), member);
      all.add(member);
    }
    node = FederatingNode.start(vertx, dataDir, all);
  }

  @AfterAll
  void stop() {
    FederatingNode.stop(
        vertx,
        node,
        () -> {
          peers.forEach(MisbehavingPeer::close);
          good.close();
        });
  }

  @Test
  void eachMisbehavingMemberIsOneWarnLineNamingItAndTheReasonAndNothingIsAnError() {
    List<ILoggingEvent> events;
    try (LogCapture logs = LogCapture.root()) {
      for (int round = 0; round < ROUNDS; round++) {
        // Plain searches, searches with a skill filter (which fetch descriptors first), SPARQL.
        int deadline = round == 0 ? FIRST_DEADLINE_MS : DEADLINE_MS;
        String query =
            round % 3 == 1
                ? "q=thermal&skill=SAF&deadline=" + deadline
                : "q=thermal&deadline=" + deadline;
        JsonObject result = search(node, query);
        assertThat(statuses(result))
            .as("round %d", round)
            .containsEntry("did:web:good.example", "ok")
            .containsAllEntriesOf(expectedStatuses());
        for (Bad bad : BAD) {
          assertThat(error(result, bad.did())).containsPattern(bad.reason());
        }
        if (round % 5 == 0) {
          JsonObject sparql = sparql(deadline);
          assertThat(statuses(sparql))
              .containsEntry("did:web:good.example", "ok")
              .containsAllEntriesOf(expectedStatuses());
        }
      }
      events = logs.events();
    }

    assertThat(events.stream().filter(e -> e.getLevel() == Level.ERROR).map(LogCapture::line))
        .as("no ERROR line (Vert.x's unhandled connection and stream exceptions included)")
        .isEmpty();
    assertThat(
            events.stream()
                .filter(e -> e.getLevel().isGreaterOrEqual(Level.INFO))
                .filter(e -> e.getThrowableProxy() != null)
                .map(LogCapture::line))
        .as("no stack trace for a member's failure")
        .isEmpty();
    List<ILoggingEvent> warnings = events.stream().filter(e -> e.getLevel() == Level.WARN).toList();
    for (Bad bad : BAD) {
      Member member = members.get(bad.did());
      List<String> lines =
          warnings.stream()
              .map(ILoggingEvent::getFormattedMessage)
              .filter(m -> m.contains(bad.did()))
              .toList();
      assertThat(lines)
          .as("%s failed %d times within a minute: one line", bad.did(), ROUNDS)
          .hasSize(1);
      assertThat(lines.get(0))
          .contains(member.name(), member.baseUrl().toString())
          .containsPattern("reason: [^,]*" + bad.reason());
    }
    assertThat(warnings)
        .as("no WARN line but the members'")
        .hasSize(BAD.size())
        .allSatisfy(e -> assertThat(e.getLoggerName()).endsWith("MemberFailureLog"));
  }

  private Map<String, String> expectedStatuses() {
    Map<String, String> expected = new HashMap<>();
    BAD.forEach(b -> expected.put(b.did(), b.status()));
    return expected;
  }

  private JsonObject sparql(int deadline) {
    HttpResponse<String> response =
        node.post(
            "/federation/sparql?deadline=" + deadline,
            "application/sparql-query",
            "SELECT ?course WHERE { ?course a <http://schema.org/Course> }");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new JsonObject(response.body());
  }

  private static String error(JsonObject result, String did) {
    return result.getJsonArray("members").stream()
        .map(JsonObject.class::cast)
        .filter(m -> m.getString("did").equals(did))
        .findFirst()
        .orElseThrow()
        .getString("error");
  }
}
