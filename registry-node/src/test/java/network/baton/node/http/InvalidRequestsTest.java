package network.baton.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import network.baton.credential.http.ProblemHandler;
import network.baton.node.NodePerTest;
import network.baton.node.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Requests Vert.x cannot decode before routing get problem+json answers, not empty bodies. */
@Timeout(60)
class InvalidRequestsTest extends NodePerTest {

  private RawHttp http;

  @BeforeEach
  void startNode(Vertx vertx) {
    start(
        vertx,
        c ->
            c.withSparql(q -> q.withTimeout(Duration.ofMillis(500)))
                .withServer(s -> s.withIdleTimeout(Duration.ofSeconds(2))));
    http = new RawHttp(node.verticle().actualPort(), Duration.ofSeconds(10));
  }

  @Test
  void aRequestLineOverTheLimitIs414WithAProblem() {
    RawHttp.Answer answer =
        http.send("GET /search?q=" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");

    JsonObject problem = problem(answer, 414);
    assertThat(problem.getString("detail")).contains("4096 bytes").contains("POST");
  }

  @Test
  void headersOverTheLimitAre431WithAProblem() {
    RawHttp.Answer answer =
        http.send(
            "GET /health HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "b".repeat(10_000) + "\r\n\r\n");

    JsonObject problem = problem(answer, 431);
    assertThat(problem.getString("detail")).contains("8192 bytes");
  }

  @Test
  void anUnreadableRequestIs400WithAProblem() {
    RawHttp.Answer answer =
        http.send("POST /resources HTTP/1.1\r\nHost: localhost\r\nContent-Length: ten\r\n\r\n");

    JsonObject problem = problem(answer, 400);
    assertThat(problem.getString("detail")).startsWith("the request is not valid HTTP/1.1");
  }

  @Test
  void aBadPercentEscapeInThePathOrQueryIsA400SayingWhere() {
    // Vert.x decodes path parameters while it matches routes: these were bare 500s.
    for (String target :
        List.of(
            "/resources/%zz",
            "/resources/kosen-ec101?format=%", "/skills/%zz?lang=en", "/status/1?x=%g1")) {
      RawHttp.Answer answer =
          http.send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

      JsonObject problem = problem(answer, 400);
      assertThat(problem.getString("detail"))
          .as(target)
          .contains("a '%' at character " + (target.indexOf('%') + 1))
          .contains("%25");
    }
  }

  @Test
  void aClientThatStopsHalfWayThroughItsBodyIsDisconnectedAfterTheIdleTimeout() {
    RawHttp.Answer answer =
        http.send(
            "POST /sparql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/sparql-query\r\n"
                + "Content-Length: 100\r\n\r\nSELECT");

    assertThat(answer.timedOut()).as("still open after the client's 10 s").isFalse();
    assertThat(answer.status()).isZero();
  }

  @Test
  void theNodeAnswersTheNextConnectionAsUsual() {
    http.send("GET /" + "x".repeat(5_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");

    RawHttp.Answer health =
        http.send("GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

    assertThat(health.status()).isEqualTo(200);
  }

  private static JsonObject problem(RawHttp.Answer answer, int status) {
    assertThat(answer.status()).as(answer.text()).isEqualTo(status);
    assertThat(answer.header("Content-Type")).isEqualTo(ProblemHandler.PROBLEM_JSON);
    JsonObject problem = new JsonObject(answer.text());
    assertThat(problem.getInteger("status")).isEqualTo(status);
    assertThat(problem.getString("title")).isNotBlank();
    return problem;
  }
}
