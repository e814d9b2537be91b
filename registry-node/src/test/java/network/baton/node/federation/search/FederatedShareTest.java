package network.baton.node.federation.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
    FakeMember hung =
        FakeMember.start(
            vertx,
            "did:web:hung.example",
            FakeMember.Behaviour.HANG,
            0,
            List.of(),
            List.of(),
            List.of());
    WorkLimits defaults = WorkLimits.defaults();
    try (RunningNode node =
        RunningNode.start(
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
                            defaults.credentials())))) {
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
}
