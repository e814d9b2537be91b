package network.baton.node.federation.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.junit5.VertxExtension;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import network.baton.node.RunningNode;
import network.baton.node.config.WorkLimit;
import network.baton.node.config.WorkLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A federated search costs a call to every member, so one client has only its share of them in
 * flight: past it, 429 with Retry-After, and nothing is sent to the members for it.
 */
@ExtendWith(VertxExtension.class)
@Timeout(60)
class FederatedShareTest {

  @TempDir Path dataDir;

  @Test
  void aClientPastItsShareOfFederatedSearchesIsAnswered429AndNoMemberIsAsked(Vertx vertx) {
    FakeMember hung = hungMember(vertx);
    try (RunningNode node = oneSearchPerClient(vertx, hung)) {
      CompletableFuture<HttpResponse<String>> first =
          CompletableFuture.supplyAsync(
              () -> node.get("/federation/search?q=battery&deadline=3000", "application/json"));
      // The first is in flight while its member hangs.
      while (hung.searches() == 0) {
        Thread.onSpinWait();
      }

      HttpResponse<String> second =
          node.get("/federation/search?q=battery&deadline=3000", "application/json");

      assertThat(second.statusCode()).as(second.body()).isEqualTo(429);
      assertThat(second.headers().firstValue("Retry-After")).isPresent();
      assertThat(second.body()).contains("search request");
      assertThat(first.join().statusCode()).isEqualTo(200);
      assertThat(hung.searches()).isEqualTo(1);
      assertThat(node.get("/federation/search?q=battery&deadline=200", null).statusCode())
          .isEqualTo(200);
    } finally {
      hung.close();
    }
  }

  @Test
  void aClientsPagesAndApiRequestsDrawOnOneShareWhileAnotherClientIsServed(Vertx vertx)
      throws Exception {
    FakeMember hung = hungMember(vertx);
    HttpClient first = vertx.createHttpClient(new HttpClientOptions().setLocalAddress("127.0.0.1"));
    HttpClient other = vertx.createHttpClient(new HttpClientOptions().setLocalAddress("127.0.0.2"));
    try (RunningNode node = oneSearchPerClient(vertx, hung)) {
      int port = node.verticle().actualPort();
      // The page of network search holds the first client's one search request while its member
      // hangs.
      Future<Integer> page = status(first, port, "/network?q=battery&deadline=8000");
      while (hung.searches() == 0) {
        Thread.onSpinWait();
      }

      assertThat(await(status(first, port, "/search?q=battery"))).isEqualTo(429);
      assertThat(await(status(first, port, "/federation/search?q=battery&deadline=200")))
          .isEqualTo(429);
      assertThat(await(status(first, port, "/catalogue"))).isEqualTo(429);
      assertThat(await(status(other, port, "/search?q=battery"))).isEqualTo(200);
      assertThat(await(status(other, port, "/catalogue"))).isEqualTo(200);
      assertThat(hung.searches()).isEqualTo(1);
      assertThat(await(page)).isEqualTo(200);
      assertThat(await(status(first, port, "/search?q=battery"))).isEqualTo(200);
    } finally {
      hung.close();
      first.close();
      other.close();
    }
  }

  private static FakeMember hungMember(Vertx vertx) {
    return FakeMember.start(
        vertx,
        "did:web:hung.example",
        FakeMember.Behaviour.HANG,
        0,
        List.of(),
        List.of(),
        List.of());
  }

  /** A node federating hung whose clients have one search request each in flight at most. */
  private RunningNode oneSearchPerClient(Vertx vertx, FakeMember hung) {
    WorkLimits defaults = WorkLimits.defaults();
    return RunningNode.start(
        vertx,
        dataDir,
        c ->
            c.withFederation(f -> f.withMembers(List.of(hung.member())))
                .withCredentials(c.credentials().withLoopbackHttp(true))
                .withWork(
                    new WorkLimits(
                        defaults.sparql(),
                        new WorkLimit(4, 64, 1),
                        defaults.read(),
                        defaults.write(),
                        defaults.credentials())));
  }

  private static Future<Integer> status(HttpClient client, int port, String path) {
    return client
        .request(HttpMethod.GET, port, "127.0.0.1", path)
        .compose(HttpClientRequest::send)
        .compose(response -> response.body().map(body -> response.statusCode()));
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }
}
