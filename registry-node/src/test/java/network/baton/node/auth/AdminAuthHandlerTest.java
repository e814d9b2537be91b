package network.baton.node.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import network.baton.credential.http.ProblemHandler;
import network.baton.node.RawHttp;
import network.baton.node.RunningNode;
import network.baton.node.TestClock;
import network.baton.node.config.AdminLockout;
import network.baton.node.http.ClientAddresses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Wrong admin tokens: each client address may send a few a minute, then waits out the window. */
@ExtendWith(VertxExtension.class)
@Timeout(60)
class AdminAuthHandlerTest {

  private static final String TOKEN = "the-right-token";
  private static final AdminLockout LOCKOUT = new AdminLockout(3, Duration.ofSeconds(60));

  private final AtomicLong clock = new AtomicLong(1_000_000_000L);
  private final FailedAttempts failures = new FailedAttempts(LOCKOUT, clock::get);

  private HttpServer server;
  private RawHttp first;
  private RawHttp other;

  @BeforeEach
  void start(Vertx vertx) throws Exception {

    Router router = Router.router(vertx);
    router
        .post("/write")
        .handler(
            AdminAuthHandler.create(
                new AdminTokens(List.of(AdminTokens.hash(TOKEN))),
                LOCKOUT,
                ClientAddresses.direct(),
                failures))
        .handler(rc -> rc.response().end("written"));
    router.route().failureHandler(ProblemHandler.create());
    server = await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
    first = new RawHttp(server.actualPort(), Duration.ofSeconds(10), "127.0.0.1");
    other = new RawHttp(server.actualPort(), Duration.ofSeconds(10), "127.0.0.2");
  }

  @AfterEach
  void stop() throws Exception {
    await(server.close());
  }

  @Test
  void pastTheLimitOfWrongTokensTheClientGets429UntilItsWindowEndsEvenWithTheRightToken() {
    for (int i = 0; i < 3; i++) {
      assertThat(post(first, "wrong-" + i).status()).isEqualTo(403);
    }
    clock.addAndGet(Duration.ofSeconds(20).toNanos());

    Answer wrong = post(first, "wrong-again");
    Answer right = post(first, TOKEN);
    Answer elsewhere = post(other, TOKEN);

    assertThat(wrong.status()).isEqualTo(429);
    assertThat(wrong.retryAfter()).isEqualTo("40");
    assertThat(new JsonObject(wrong.body()).getString("detail"))
        .contains("3 wrong admin tokens within 1 min")
        .contains("whatever the token");
    assertThat(right.status()).as("the right token while blocked").isEqualTo(429);
    assertThat(elsewhere.status()).as("another address").isEqualTo(200);

    clock.addAndGet(Duration.ofSeconds(40).toNanos());
    assertThat(post(first, TOKEN).status()).isEqualTo(200);
  }

  @Test
  void failuresAreCountedPerWindowAndAnAcceptedTokenClearsThem() {
    post(first, "typo-1");
    post(first, "typo-2");
    assertThat(post(first, TOKEN).status()).isEqualTo(200);
    post(first, "typo-3");
    post(first, "typo-4");
    clock.addAndGet(Duration.ofSeconds(61).toNanos());
    post(first, "typo-5");
    post(first, "typo-6");

    assertThat(post(first, "typo-7").status()).as("third failure in a new window").isEqualTo(403);
    assertThat(post(first, TOKEN).status()).isEqualTo(429);
  }

  @Test
  void missingOrMalformedHeadersAreNotCountedAsGuesses() {
    for (int i = 0; i < 5; i++) {
      assertThat(send(first, null).status()).isEqualTo(401);
      assertThat(send(first, "Basic dXNlcjpwYXNz").status()).isEqualTo(401);
    }

    assertThat(post(first, TOKEN).status()).isEqualTo(200);
  }

  @Test
  void theFailureTableStaysBoundedWhateverTheNumberOfAddresses() {
    for (int i = 0; i < 3 * FailedAttempts.MAX_CLIENTS; i++) {
      failures.failed("10.0." + (i / 256) + "." + (i % 256));
    }

    assertThat(failures.clients()).isLessThanOrEqualTo(FailedAttempts.MAX_CLIENTS);
    clock.addAndGet(Duration.ofSeconds(61).toNanos());
    assertThat(failures.clients()).isZero();
  }

  @Test
  void aRunningNodeLimitsWrongTokensAsItsConfigSays(Vertx vertx, @TempDir Path data) {
    TestClock clock = TestClock.atSystemTime();
    RunningNode node =
        RunningNode.start(
            vertx,
            data,
            c -> c.withAdmin(a -> a.withLockout(new AdminLockout(2, Duration.ofMinutes(5)))),
            clock);
    try {
      for (int i = 0; i < 2; i++) {
        assertThat(node.send(wrongTokenDelete(node)).statusCode()).isEqualTo(403);
      }

      var refused = node.send(wrongTokenDelete(node));

      assertThat(refused.statusCode()).isEqualTo(429);
      assertThat(refused.headers().firstValue("Retry-After").map(Long::parseLong))
          .hasValueSatisfying(s -> assertThat(s).isBetween(290L, 300L));
      assertThat(node.delete("/resources/anything").statusCode()).isEqualTo(429);

      // The window is read on the node's clock: once it has passed, the client may try again.
      clock.advance(Duration.ofMinutes(5));
      assertThat(node.send(wrongTokenDelete(node)).statusCode()).isEqualTo(403);
    } finally {
      node.close();
    }
  }

  private static java.net.http.HttpRequest.Builder wrongTokenDelete(RunningNode node) {
    return node.request("/resources/anything").header("Authorization", "Bearer nope").DELETE();
  }

  private record Answer(int status, String retryAfter, String body) {}

  private static Answer post(RawHttp client, String token) {
    return send(client, "Bearer " + token);
  }

  private static Answer send(RawHttp client, String authorization) {
    RawHttp.Answer answer =
        client.send(
            "POST /write HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                + "\r\n",
            new byte[0]);
    return new Answer(answer.status(), answer.header("Retry-After"), answer.text());
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
