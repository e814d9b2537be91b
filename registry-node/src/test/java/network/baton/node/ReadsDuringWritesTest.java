package network.baton.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import network.baton.node.importer.ImportSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads (and reads that fail: a resource not found, a query cancelled at its time limit) while a
 * node writes: the node keeps running, every write is whole in the store and in search, and writes
 * after the failed reads succeed (issue 11, items 2 and 10).
 */
@ExtendWith(VertxExtension.class)
@Timeout(120)
class ReadsDuringWritesTest {

  private static final String SEARCH =
      "/search?q=" + URLEncoder.encode("電池", StandardCharsets.UTF_8);

  @TempDir Path quietData;
  @TempDir Path busyData;

  @Test
  void samplePublishedWhileClientsReadIsWholeInStoreAndSearch(Vertx vertx) throws Exception {
    int quietTotal;
    try (RunningNode quiet = RunningNode.start(vertx, quietData)) {
      quiet.publishKosenSample();
      quietTotal = total(quiet.get(SEARCH, null));
    }

    try (RunningNode busy = RunningNode.start(vertx, busyData)) {
      AtomicBoolean publishing = new AtomicBoolean(true);
      AtomicInteger reads = new AtomicInteger();
      List<CompletableFuture<Void>> readers = new ArrayList<>();
      for (String path : List.of("/resources/not-there", SEARCH, "/resources?limit=5", "/health")) {
        readers.add(
            CompletableFuture.runAsync(
                () -> {
                  while (publishing.get()) {
                    int status = busy.get(path, "application/json").statusCode();
                    assertThat(status).as(path).isIn(200, 404);
                    reads.incrementAndGet();
                  }
                }));
      }
      ImportSummary summary = busy.publishKosenSample();
      publishing.set(false);
      CompletableFuture.allOf(readers.toArray(CompletableFuture[]::new)).join();

      assertThat(reads.get()).isPositive();
      assertThat(summary.stored()).isPositive();
      assertThat(resourceCount(busy)).isEqualTo(summary.stored());
      assertThat(total(busy.get(SEARCH, null))).isEqualTo(quietTotal).isPositive();
    }
  }

  @Test
  void writesSucceedAfterQueriesCancelledAtTheirTimeLimit(Vertx vertx) throws Exception {
    try (RunningNode node =
        RunningNode.start(
            vertx, busyData, c -> c.withSparql(q -> q.withTimeout(Duration.ofMillis(300))))) {
      node.publishKosenSample();
      String slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
      List<CompletableFuture<Integer>> queries = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        queries.add(
            CompletableFuture.supplyAsync(
                () -> node.sparql(slow, "application/sparql-results+json").statusCode()));
      }
      List<Integer> statuses = queries.stream().map(CompletableFuture::join).toList();
      assertThat(statuses).allMatch(s -> s == 503 || s == 429);
      assertThat(statuses).contains(503);

      for (int i = 0; i < 5; i++) {
        HttpResponse<String> created = node.postCourse("after-timeout-" + i, "AT10" + i);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      }
      assertThat(node.get("/resources/after-timeout-4", "text/turtle").statusCode()).isEqualTo(200);
    }
  }

  private static long resourceCount(RunningNode node) {
    return new JsonObject(node.get("/health", null).body()).getLong("resources");
  }

  private static int total(HttpResponse<String> search) {
    assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
    return new JsonObject(search.body()).getInteger("total");
  }
}
