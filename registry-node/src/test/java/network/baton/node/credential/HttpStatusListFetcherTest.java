package network.baton.node.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import network.baton.credential.fetch.FetchPolicy;
import network.baton.credential.fetch.Tripwire;
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
                    case "/slow" -> vertx.setTimer(20_000, t -> request.response().end("late"));
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
    // Generous enough for a loaded CI machine; /slow answers long after it.
    return new HttpStatusListFetcher(Duration.ofSeconds(3), 1024, FetchPolicy.of(loopbackHttp));
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
  void listOnALoopbackOrPrivateAddressIsNeverFetchedWithoutLoopbackAllowed() {
    try (Tripwire tripwire = Tripwire.start()) {
      for (String url :
          java.util.List.of(
              "https://127.0.0.1:" + tripwire.port() + "/status/0-revocation",
              "https://localhost:" + tripwire.port() + "/status/0-revocation",
              "https://0.0.0.0:" + tripwire.port() + "/status/0-revocation",
              "http://127.0.0.1:" + tripwire.port() + "/status/0-revocation")) {
        assertThatThrownBy(() -> fetcher(false).fetch(URI.create(url)))
            .as(url)
            .isInstanceOf(IOException.class)
            .hasMessageContaining("this node");
      }
      assertThatThrownBy(
              () -> fetcher(true).fetch(URI.create("https://10.1.2.3/status/0-revocation")))
          .isInstanceOf(IOException.class)
          .hasMessage(
              "10.1.2.3 resolves to a private address (10.1.2.3), which this node does not fetch"
                  + " from");
      tripwire.assertUntouched();
    }
  }

  @Test
  void oversizedSlowMissingAndRedirectedListsFailWithTheReason() {
    HttpStatusListFetcher fetcher = fetcher(true);
    assertThatThrownBy(() -> fetcher.fetch(URI.create(base + "/huge")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("more than 1024 bytes");
    assertThatThrownBy(() -> fetcher.fetch(URI.create(base + "/slow")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("no answer within 3000 ms");
    assertThatThrownBy(() -> fetcher.fetch(URI.create(base + "/missing")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("HTTP 404");
    assertThatThrownBy(() -> fetcher.fetch(URI.create(base + "/moved")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("HTTP 302");
  }
}
