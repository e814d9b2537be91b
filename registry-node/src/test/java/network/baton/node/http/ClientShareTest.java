package network.baton.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import network.baton.credential.http.ProblemHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(30)
class ClientShareTest {

  @Test
  void oneClientPastItsShareGets429WhileAnotherClientIsServed(Vertx vertx) throws Exception {
    ClientShare share = ClientShare.create("test", 1, () -> 7, ClientAddresses.direct());
    CountDownLatch arrived = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Router router = Router.router(vertx);
    router
        .get("/slow")
        .handler(share)
        .handler(
            rc -> {
              arrived.countDown();
              vertx
                  .executeBlocking(() -> release.await(10, TimeUnit.SECONDS))
                  .onComplete(done -> rc.response().end("slow"));
            });
    router.route().failureHandler(ProblemHandler.create());
    HttpServer server =
        await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
    int port = server.actualPort();
    HttpClient first = vertx.createHttpClient(new HttpClientOptions().setLocalAddress("127.0.0.1"));
    HttpClient other = vertx.createHttpClient(new HttpClientOptions().setLocalAddress("127.0.0.2"));
    try {
      Future<String> slow = get(first, port).map(Answer::body);
      assertThat(arrived.await(5, TimeUnit.SECONDS)).isTrue();

      Answer refused = await(get(first, port));
      assertThat(refused.status()).isEqualTo(429);
      assertThat(refused.response().getHeader("Retry-After")).isEqualTo("7");
      assertThat(refused.response().getHeader("Content-Type"))
          .isEqualTo(ProblemHandler.PROBLEM_JSON);
      assertThat(refused.body()).contains("1 test request in flight");

      Future<Answer> fromOther = get(other, port);
      assertThat(share.clients()).isLessThanOrEqualTo(2);
      release.countDown();
      assertThat(await(slow)).isEqualTo("slow");
      assertThat(await(fromOther).status()).isEqualTo(200);
      assertThat(await(get(first, port)).status()).isEqualTo(200);
      assertThat(share.clients()).isZero();
    } finally {
      release.countDown();
      await(server.close());
    }
  }

  private record Answer(HttpClientResponse response, String body) {
    int status() {
      return response.statusCode();
    }
  }

  private static Future<Answer> get(HttpClient client, int port) {
    return client
        .request(HttpMethod.GET, port, "127.0.0.1", "/slow")
        .compose(request -> request.send())
        .compose(response -> response.body().map(body -> new Answer(response, body.toString())));
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
