package network.baton.node.federation.membership;

import static network.baton.node.federation.membership.MembershipLists.member;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import network.baton.credential.fetch.Tripwire;
import network.baton.node.Eventually;
import network.baton.node.LogCapture;
import network.baton.node.RunningNode;
import network.baton.node.config.CredentialSettings;
import network.baton.node.config.NodeConfig;
import network.baton.node.federation.Member;
import network.baton.node.federation.MemberFailureLog;
import network.baton.node.federation.MisbehavingPeer;
import network.baton.node.federation.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MembershipNodesTest {

  /**
   * The time limit on each call to a member: shorter than the node's, so that the tests of members
   * that never answer wait less, and far longer than a loopback member that answers takes.
   */
  private static final Duration PEER_TIMEOUT = Duration.ofSeconds(1);

  @TempDir Path dirA;
  @TempDir Path dirB;
  private Vertx vertx;
  private final MembershipLists lists = new MembershipLists();
  private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();
  private final Map<RunningNode, MembershipExtension> memberships = new ConcurrentHashMap<>();

  /** Connections open to the recorders, counted from their open to their close. */
  private final AtomicInteger connections = new AtomicInteger();

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void tearDown() throws Exception {
    for (AutoCloseable closeable : open) {
      closeable.close();
    }
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private RunningNode node(Path dir, String baseUrl, Duration syncInterval) {
    return node(dir, baseUrl, syncInterval, true);
  }

  private RunningNode node(Path dir, String baseUrl, Duration syncInterval, boolean loopback) {
    NodeConfig config =
        NodeConfig.defaults(dir, URI.create(baseUrl))
            .withPort(0)
            .withAdmin(
                a ->
                    a.withTokenHashes(
                        List.of(network.baton.node.auth.AdminTokens.hash(RunningNode.TOKEN))))
            // The members listen on loopback: the fetch policy lets the node call them only so.
            .withCredentials(CredentialSettings.defaults().withLoopbackHttp(loopback))
            .withFederation(
                f -> f.withMembership(List.of(lists.coordinator.publicKey()), syncInterval));
    MembershipExtension membership =
        new MembershipExtension(config, Clock.systemUTC(), MemberFailureLog.create(), PEER_TIMEOUT);
    RunningNode node =
        RunningNode.start(
            vertx, config, RunningNode.testSetup().withExtensions(List.of(membership)));
    open.add(node);
    memberships.put(node, membership);
    return node;
  }

  private static HttpResponse<String> offer(RunningNode node, String jws) {
    return node.send(
        node.request("/federation/membership")
            .header("Content-Type", SignedMembershipList.MEDIA_TYPE)
            .POST(HttpRequest.BodyPublishers.ofString(jws)));
  }

  /** A member with no roles on a loopback port, named did:web:NAME.test. */
  private static Member local(String name, int port) {
    return member("did:web:" + name + ".test", "http://localhost:" + port);
  }

  @Test
  void nodeServesNoListUntilOneIsOfferedThenTheNewestValidOne() {
    RunningNode a = node(dirA, "http://a.test", Duration.ZERO);
    assertThat(a.get("/federation/membership", null).statusCode()).isEqualTo(404);

    SignedMembershipList v2 = lists.signed(2, member("did:web:a.test", a.url(), Role.ISSUER));
    HttpResponse<String> accepted = offer(a, v2.jws());
    HttpResponse<String> again = offer(a, v2.jws());
    HttpResponse<String> older = offer(a, lists.signed(1).jws());
    HttpResponse<String> forged = offer(a, new MembershipLists().signed(3).jws());
    HttpResponse<String> garbage = offer(a, "hello");

    assertThat(accepted.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(accepted.body()).getLong("version")).isEqualTo(2);
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(older.statusCode()).isEqualTo(409);
    assertThat(older.body()).contains("not newer");
    assertThat(forged.statusCode()).isEqualTo(422);
    assertThat(forged.body()).contains("unknown key");
    assertThat(garbage.statusCode()).isEqualTo(422);
    assertThat(garbage.body()).contains("malformed");
    HttpResponse<String> current = a.get("/federation/membership", null);
    assertThat(current.statusCode()).isEqualTo(200);
    assertThat(current.headers().firstValue("Content-Type"))
        .hasValue(SignedMembershipList.MEDIA_TYPE);
    assertThat(current.body()).isEqualTo(v2.jws());
  }

  @Test
  void aListSentAsCurlsDefaultFormIsReadAsTheJws() {
    // curl --data-binary @list.jwt sends application/x-www-form-urlencoded; Vert.x refused such
    // a body over 1 KiB with a 500 before the route saw it.
    RunningNode a = node(dirA, "http://a.test", Duration.ZERO);
    Member[] many = new Member[12];
    for (int i = 0; i < many.length; i++) {
      many[i] = member("did:web:m" + i + ".test", "https://m" + i + ".test", Role.PUBLISHER);
    }
    String jws = lists.signed(5, many).jws();
    assertThat(jws.length()).isGreaterThan(2048);

    HttpResponse<String> accepted = a.postForm("/federation/membership", jws);

    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
    assertThat(new JsonObject(accepted.body()).getLong("version")).isEqualTo(5);
  }

  @Test
  void newerListOfferedToOneMemberReachesAnotherByItsPeriodicSync() throws Exception {
    RunningNode a = node(dirA, "http://a.test", Duration.ZERO);
    RunningNode b = node(dirB, "http://b.test", Duration.ofMillis(200));
    SignedMembershipList v1 =
        lists.signed(1, member("did:web:a.test", a.url()), member("did:web:b.test", b.url()));
    assertThat(offer(a, v1.jws()).statusCode()).isEqualTo(200);
    assertThat(offer(b, v1.jws()).statusCode()).isEqualTo(200);

    SignedMembershipList v2 =
        lists.signed(
            2, member("did:web:a.test", a.url(), Role.ISSUER), member("did:web:b.test", b.url()));
    assertThat(offer(a, v2.jws()).statusCode()).isEqualTo(200);

    Eventually.until(
        "b serves version 2",
        Duration.ofSeconds(15),
        () -> b.get("/federation/membership", null).body().equals(v2.jws()));
    assertThat(b.get("/federation/membership", null).body()).isEqualTo(v2.jws());
    assertThat(MembershipState.fileIn(dirB)).content().isEqualTo(v2.jws());
  }

  @Test
  void syncOnDemandNeedsTheAdminTokenAndCallsOnlyUrlsOfTheCurrentList() throws Exception {
    List<String> listedCalls = new CopyOnWriteArrayList<>();
    List<String> droppedCalls = new CopyOnWriteArrayList<>();
    int listed = recorder(listedCalls, 404, "");
    int dropped = recorder(droppedCalls, 404, "");
    RunningNode a = node(dirA, "http://a.test", Duration.ZERO);
    offer(a, lists.signed(1, local("listed", listed), local("dropped", dropped)).jws());
    offer(a, lists.signed(2, local("listed", listed)).jws());

    HttpResponse<String> anonymous =
        a.send(a.request("/federation/membership/sync").POST(HttpRequest.BodyPublishers.noBody()));
    HttpResponse<String> report = a.post("/federation/membership/sync", "text/plain", "");

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(report.statusCode()).isEqualTo(200);
    JsonObject member = new JsonObject(report.body()).getJsonArray("members").getJsonObject(0);
    assertThat(member.getString("did")).isEqualTo("did:web:listed.test");
    assertThat(member.getString("status")).isEqualTo("error");
    assertThat(member.getString("detail")).contains("HTTP 404");
    assertThat(new JsonObject(report.body()).getJsonArray("members")).hasSize(1);
    assertThat(listedCalls).containsExactly("GET /federation/membership");
    assertThat(droppedCalls).isEmpty();
  }

  @Test
  void signedListNamingMembersOnLoopbackOrPrivateAddressesMakesNoCallThere() {
    try (Tripwire tripwire = Tripwire.start()) {
      RunningNode a = node(dirA, "http://a.test", Duration.ZERO, false);
      offer(
          a,
          lists
              .signed(
                  1,
                  member("did:web:plain.test", "http://127.0.0.1:" + tripwire.port()),
                  member("did:web:tls.test", "https://localhost:" + tripwire.port()),
                  member("did:web:metadata.test", "https://169.254.169.254"))
              .jws());

      HttpResponse<String> report = a.post("/federation/membership/sync", "text/plain", "");

      assertThat(report.statusCode()).isEqualTo(200);
      JsonArray members = new JsonObject(report.body()).getJsonArray("members");
      assertThat(members).hasSize(3);
      for (Object each : members) {
        JsonObject member = (JsonObject) each;
        assertThat(member.getString("status")).as(member.encode()).isEqualTo("error");
        assertThat(member.getString("detail")).as(member.encode()).contains("this node");
      }
      assertThat(members.getJsonObject(2).getString("detail"))
          .contains("a link-local address (169.254.169.254)");
      tripwire.assertUntouched();
    }
  }

  @Test
  void periodicSyncStopsWhenTheNodeStops() throws Exception {
    List<String> calls = new CopyOnWriteArrayList<>();
    int listed = recorder(calls, 404, "");
    RunningNode a = node(dirA, "http://a.test", Duration.ofMillis(100));
    offer(a, lists.signed(1, local("listed", listed)).jws());
    Eventually.until("a first periodic sync", Duration.ofSeconds(10), () -> !calls.isEmpty());
    assertThat(calls).isNotEmpty();
    MembershipSync sync = memberships.get(a).sync();
    long timer = sync.timer();
    assertThat(timer).isNotNegative();

    open.remove(a);
    a.close();
    // Each request the node sent has arrived once the connections it sent them on are closed.
    Eventually.until(
        "the node's connections closed", Duration.ofSeconds(10), () -> openConnections() == 0);
    int afterStop = calls.size();
    List<SyncResult> afterClose = await(sync.syncNow());

    assertThat(vertx.cancelTimer(timer)).as("the periodic timer was cancelled").isFalse();
    assertThat(afterClose).extracting(SyncResult::status).containsOnly("error");
    assertThat(calls).hasSize(afterStop);
  }

  @Test
  void memberThatNeverAnswersTimesOutAndOthersAreStillAsked() {
    HttpServer silent =
        vertx
            .createHttpServer()
            .requestHandler(
                request -> {
                  // never answers
                });
    int silentPort = await(silent.listen(0)).actualPort();
    List<String> calls = new CopyOnWriteArrayList<>();
    int listed = recorder(calls, 404, "");
    RunningNode a = node(dirA, "http://a.test", Duration.ZERO);
    offer(a, lists.signed(1, local("silent", silentPort), local("listed", listed)).jws());

    HttpResponse<String> report = a.post("/federation/membership/sync", "text/plain", "");

    JsonObject silentResult =
        new JsonObject(report.body()).getJsonArray("members").getJsonObject(0);
    assertThat(silentResult.getString("status")).isEqualTo("error");
    assertThat(silentResult.getString("detail"))
        .contains("no answer within " + PEER_TIMEOUT.toMillis() + " ms");
    assertThat(calls).hasSize(1);
  }

  @Test
  void misbehavingMembersAreOneWarnLineEachAndNeverAnError() {
    Map<String, MisbehavingPeer.Behaviour> behaviours =
        Map.of(
            "did:web:garbage.test", MisbehavingPeer.Behaviour.GARBAGE,
            "did:web:reset.test", MisbehavingPeer.Behaviour.RESET,
            "did:web:hang.test", MisbehavingPeer.Behaviour.HANG,
            "did:web:broken.test", MisbehavingPeer.Behaviour.ERROR_500);
    List<Member> members = new ArrayList<>();
    behaviours.forEach(
        (did, behaviour) -> {
          MisbehavingPeer peer = MisbehavingPeer.start(behaviour);
          open.add(peer);
          members.add(peer.member(did, behaviour.name().toLowerCase(Locale.ROOT)));
        });
    RunningNode a = node(dirA, "http://a.test", Duration.ZERO);
    offer(a, lists.signed(1, members.toArray(Member[]::new)).jws());

    List<ILoggingEvent> events;
    try (LogCapture logs = LogCapture.root()) {
      for (int round = 0; round < 3; round++) {
        JsonObject report =
            new JsonObject(a.post("/federation/membership/sync", "text/plain", "").body());
        assertThat(report.getJsonArray("members"))
            .hasSize(4)
            .allSatisfy(r -> assertThat(((JsonObject) r).getString("status")).isEqualTo("error"));
      }
      events = logs.events();
    }

    assertThat(events.stream().filter(e -> e.getLevel() == Level.ERROR).map(LogCapture::line))
        .isEmpty();
    List<String> warnings =
        events.stream()
            .filter(e -> e.getLevel() == Level.WARN)
            .map(ILoggingEvent::getFormattedMessage)
            .toList();
    assertThat(warnings).hasSize(4).allSatisfy(w -> assertThat(w).contains("call: membership"));
    assertThat(warnings)
        .anySatisfy(w -> assertThat(w).contains("did:web:garbage.test", "not HTTP"))
        .anySatisfy(w -> assertThat(w).contains("did:web:reset.test", "reset the connection"))
        .anySatisfy(w -> assertThat(w).contains("did:web:hang.test", "no answer within"))
        .anySatisfy(w -> assertThat(w).contains("did:web:broken.test", "answered HTTP 500"));
    assertThat(events).noneMatch(e -> e.getThrowableProxy() != null);
  }

  @Test
  void oversizedAnswerFromAMemberIsRefusedAndTheListKept() {
    int flooding = recorder(new CopyOnWriteArrayList<>(), 200, "x".repeat(300 * 1024));
    RunningNode a = node(dirA, "http://a.test", Duration.ZERO);
    SignedMembershipList v1 = lists.signed(1, local("flood", flooding));
    offer(a, v1.jws());

    HttpResponse<String> report = a.post("/federation/membership/sync", "text/plain", "");

    JsonObject member = new JsonObject(report.body()).getJsonArray("members").getJsonObject(0);
    assertThat(member.getString("status")).isEqualTo("error");
    assertThat(member.getString("detail")).contains("larger than");
    assertThat(a.get("/federation/membership", null).body()).isEqualTo(v1.jws());
  }

  @Test
  void nodeWithoutCoordinatorKeysRunsWithoutMembershipRoutes() {
    NodeConfig config = NodeConfig.defaults(dirA, URI.create("http://plain.test")).withPort(0);
    MembershipExtension membership = new MembershipExtension(config, Clock.systemUTC());
    RunningNode plain =
        RunningNode.start(
            vertx, config, RunningNode.testSetup().withExtensions(List.of(membership)));
    open.add(plain);

    assertThat(offer(plain, lists.signed(1).jws()).statusCode()).isEqualTo(404);
    assertThat(membership.directory().members()).isEmpty();
    assertThat(membership.trustList().trusts("did:web:a.test")).isFalse();
  }

  private static <T> T await(io.vertx.core.Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A plain HTTP server on a loopback port that records each request and answers the same. */
  private int openConnections() {
    return connections.get();
  }

  private int recorder(List<String> calls, int status, String body) {
    HttpServer server =
        vertx
            .createHttpServer()
            .connectionHandler(
                connection -> {
                  connections.incrementAndGet();
                  connection.closeHandler(closed -> connections.decrementAndGet());
                })
            .requestHandler(
                request -> {
                  calls.add(request.method() + " " + request.path());
                  request.response().setStatusCode(status).end(body);
                });
    try {
      return server
          .listen(0)
          .toCompletionStage()
          .toCompletableFuture()
          .get(10, TimeUnit.SECONDS)
          .actualPort();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
