package network.baton.node;

import static network.baton.node.RunningNode.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import network.baton.node.auth.AdminTokens;
import network.baton.vocab.ContextLoader;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a node process (SIGKILL, a separate JVM) in the middle of a stream of writes through the
 * API, restarts it on the same data, and checks that every acknowledged write is there, complete,
 * and that the change log agrees with the store.
 */
@Timeout(180)
class NodeCrashSafetyTest {

  private static final int WRITERS = 2;
  private static final int ACKNOWLEDGED_BEFORE_KILL = 12;

  @TempDir Path folder;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private Process process;

  @AfterEach
  void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void killedNodeRestartsWithEveryAcknowledgedWriteAndNothingHalfWritten() throws Exception {
    int port = freePort();
    String base = "http://localhost:" + port;
    Path config = writeConfig(port);
    process = startNode(config, "first");
    awaitHealthy(base);

    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicBoolean stop = new AtomicBoolean();
    Thread[] writers = new Thread[WRITERS];
    for (int w = 0; w < WRITERS; w++) {
      int writer = w;
      writers[w] =
          new Thread(
              () -> {
                for (int i = 0; !stop.get(); i++) {
                  String id = "crash-" + writer + "-" + i;
                  if (post(base, id) == 201) {
                    acknowledged.add(id);
                  }
                }
              });
      writers[w].start();
    }
    Eventually.until(
        ACKNOWLEDGED_BEFORE_KILL + " writes acknowledged",
        Duration.ofSeconds(90),
        () -> acknowledged.size() >= ACKNOWLEDGED_BEFORE_KILL);
    process.destroyForcibly(); // SIGKILL: no shutdown hook, no store close
    process.waitFor(30, TimeUnit.SECONDS);
    stop.set(true);
    for (Thread writer : writers) {
      writer.join();
    }

    process = startNode(config, "second");
    awaitHealthy(base);

    for (String id : acknowledged) {
      HttpResponse<String> read = get(base + "/resources/" + id, "application/ld+json");
      assertThat(read.statusCode()).as(id).isEqualTo(200);
      assertComplete(id, read.body());
    }
    JsonObject list = new JsonObject(get(base + "/resources?limit=500", null).body());
    JsonArray items = list.getJsonArray("items");
    assertThat(items.size()).isGreaterThanOrEqualTo(acknowledged.size());
    for (Object item : items) {
      String id = ((JsonObject) item).getString("id");
      assertComplete(id, get(base + "/resources/" + id, "application/ld+json").body());
    }
    JsonObject changes = new JsonObject(get(base + "/changes?limit=1000", null).body());
    assertThat(changes.getLong("latest"))
        .as("one change-log entry per stored resource, no more, no fewer")
        .isEqualTo(list.getLong("total"));
    assertThat(post(base, "after-restart")).as("the restarted node takes writes").isEqualTo(201);
  }

  private static void assertComplete(String id, String jsonLd) {
    Graph graph = ContextLoader.bundled().parseJsonLd(jsonLd, null);
    Node subject = NodeFactory.createURI(iriOf(jsonLd));
    for (String property :
        List.of(
            "http://schema.org/courseCode",
            "http://schema.org/license",
            "http://schema.org/teaches",
            "http://www.w3.org/ns/prov#wasAttributedTo",
            "http://purl.org/dc/terms/created",
            "http://purl.org/dc/terms/modified")) {
      assertThat(graph.find(subject, NodeFactory.createURI(property), Node.ANY).hasNext())
          .as(id + " has " + property)
          .isTrue();
    }
  }

  private static String iriOf(String jsonLd) {
    return new JsonObject(jsonLd).getString("id");
  }

  private int post(String base, String id) {
    String body = fixture("course.ttl").replace("kosen-ec101", id).replace("EC101", id);
    try {
      return client
          .send(
              HttpRequest.newBuilder(URI.create(base + "/resources"))
                  .timeout(Duration.ofSeconds(20))
                  .header("Content-Type", "text/turtle")
                  .header("Authorization", "Bearer " + RunningNode.TOKEN)
                  .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1; // the node died mid-request: not acknowledged
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private HttpResponse<String> get(String url, String accept) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
    if (accept != null) {
      request.header("Accept", accept);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private Process startNode(Path config, String name) throws IOException {
    return NodeProcess.start(config, folder.resolve(name + ".log"));
  }

  private void awaitHealthy(String base) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      assertThat(process.isAlive()).as("node process is running (see its log)").isTrue();
      try {
        if (get(base + "/health", null).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("node did not become healthy");
  }

  private Path writeConfig(int port) throws IOException {
    return Files.writeString(
        folder.resolve("node.yaml"),
        "port: "
            + port
            + "\nhost: 127.0.0.1\ndataDir: data\nbaseUrl: http://localhost:"
            + port
            + "\nadminTokenHashes: ["
            + AdminTokens.hash(RunningNode.TOKEN)
            + "]\n");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
