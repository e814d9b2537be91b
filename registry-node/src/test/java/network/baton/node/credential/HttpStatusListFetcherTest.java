package network.baton.node.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The status list fetcher against a real loopback server that misbehaves in the ways it must
 * survive.
 */
@Timeout(30)
class HttpStatusListFetcherTest {
  private Vertx vertx;
  private HttpServer server;
  private String base;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    server =
        vertx
            .createHttpServer()
            .requestHandler(
                request -> {
                  switch (request.path()) {
                    case "/status/0-revocation" -> request.response().end("eyJ.list.sig");
                    case "/huge" -> request.response().end("x".repeat(4096));
                    case "/moved" ->
                        request
                            .response()
                            .setStatusCode(302)
                            .putHeader("Location", "/status/0-revocation")
                            .end();
                    case "/slow" -> vertx.setTimer(3000, t -> request.response().end("late"));
                    default -> request.response().setStatusCode(404).end();
                  }
                })
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .get();
    base = "http://127.0.0.1:" + server.actualPort();
  }

  @AfterEach
  void stop() {
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  private HttpStatusListFetcher fetcher(boolean loopbackHttp) {
    return new HttpStatusListFetcher(Duration.ofMillis(800), 1024, loopbackHttp);
  }

  @Test
  void listFromALoopbackIssuerIsFetchedWhenAllowed() throws IOException {
    assertThat(fetcher(true).fetch(URI.create(base + "/status/0-revocation")))
        .isEqualTo("eyJ.list.sig");
  }

  @Test
  void plainHttpIsRefusedUnlessAllowedAndOnlyForLoopbackHosts() {
    assertThatThrownBy(() -> fetcher(false).fetch(URI.create(base + "/status/0-revocation")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("https only");
    assertThatThrownBy(
            () -> fetcher(true).fetch(URI.create("http://issuer.example/status/0-revocation")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("loopback");
  }

  @Test
  void oversizedSlowMissingAndRedirectedListsFailWithTheReason() {
    HttpStatusListFetcher fetcher = fetcher(true);
    assertThatThrownBy(() -> fetcher.fetch(URI.create(base + "/huge")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("more than 1024 bytes");
    assertThatThrownBy(() -> fetcher.fetch(URI.create(base + "/slow")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("no answer within 800 ms");
    assertThatThrownBy(() -> fetcher.fetch(URI.create(base + "/missing")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("HTTP 404");
    assertThatThrownBy(() -> fetcher.fetch(URI.create(base + "/moved")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("HTTP 302");
  }
}
