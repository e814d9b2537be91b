package network.baton.node.http;

import static network.baton.node.RunningNode.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import network.baton.node.ConcurrentWriters;
import network.baton.node.NodeSetup;
import network.baton.node.RunningNode;
import network.baton.node.auth.AdminTokens;
import network.baton.node.cli.BatonCli;
import network.baton.node.config.NodeConfig;
import network.baton.node.config.WorkLimits;
import network.baton.node.store.SkillCoverage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * GET /.well-known/baton-node on a real node: after every kind of write it is the document the full
 * recomputation over the store gives, as soon as the write is answered; it is served from memory
 * (even while every store worker is busy) with a strong ETag, 304 and HEAD.
 */
@Timeout(120)
class NodeDescriptorRoutesTest {

  private static final String SKILL = "https://w3id.org/baton/skill/";
  private static final String BASE = "http://node.test";

  @TempDir Path dataDir;

  private final Vertx vertx = Vertx.vertx();
  private final NodeSetup setup = RunningNode.testSetup();
  private RunningNode node;

  @AfterEach
  void stop() {
    if (node != null) {
      node.close();
    }
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  @Test
  void descriptorShowsEveryWriteAsSoonAsTheWriteIsAnswered() {
    start();
    assertThat(descriptor().getLong("resourceCount")).isZero();
    assertIsTheFullScansDocument();

    assertThat(node.post("/resources", "text/turtle", fixture("course.ttl")).statusCode())
        .isEqualTo(201);
    assertThat(descriptor().getLong("resourceCount")).isEqualTo(1);
    assertThat(skills())
        .containsEntry("ECH", 1L)
        .containsEntry("ECH-KIN", 1L)
        .containsEntry("ECH-THERMO", 1L);
    assertIsTheFullScansDocument();

    assertThat(
            node.put("/resources/kosen-ec101", "text/turtle", teaching("SAF-TRUN"), null)
                .statusCode())
        .isEqualTo(200);
    assertThat(skills()).isEqualTo(Map.of("SAF", 1L, "SAF-TRUN", 1L));
    assertIsTheFullScansDocument();

    HttpResponse<String> batch =
        node.post("/resources/batch", "application/trig", fixture("batch.trig"));
    assertThat(batch.statusCode()).isEqualTo(200);
    // kosen-ec101 exists already and no-licence breaks the shapes: only kosen-ec102 is stored.
    assertThat(descriptor().getLong("resourceCount")).isEqualTo(2);
    assertThat(skills()).containsEntry("SAF", 2L).containsEntry("SAF-TRUN", 1L);
    assertIsTheFullScansDocument();

    assertThat(node.delete("/resources/kosen-ec101").statusCode()).isEqualTo(204);
    assertThat(descriptor().getLong("resourceCount")).isEqualTo(1);
    assertThat(skills()).isEqualTo(Map.of("SAF", 1L));
    assertIsTheFullScansDocument();
  }

  @Test
  void refusedWritesLeaveTheDescriptorAsItWas() {
    start();
    node.post("/resources", "text/turtle", fixture("course.ttl"));
    HttpResponse<String> before = node.get(NodeDescriptorRoutes.PATH, null);

    assertThat(node.post("/resources", "text/turtle", fixture("missing-licence.ttl")).statusCode())
        .isEqualTo(422);
    assertThat(
            node.put("/resources/kosen-ec101", "text/turtle", teaching("SAF"), "\"7\"")
                .statusCode())
        .isEqualTo(412);
    assertThat(node.post("/resources", "text/turtle", fixture("malformed.ttl")).statusCode())
        .isEqualTo(400);

    HttpResponse<String> after = node.get(NodeDescriptorRoutes.PATH, null);
    assertThat(after.headers().firstValue("ETag")).isEqualTo(before.headers().firstValue("ETag"));
    assertThat(after.body()).isEqualTo(before.body());
  }

  @Test
  void restartedNodeServesTheCoverageOfItsStoreAfterAnOfflineImportAndIndexRebuild()
      throws IOException {
    start();
    node.post("/resources", "text/turtle", fixture("course.ttl"));
    node.close();
    node = null;
    Path file = dataDir.resolve("mixed.ttl");
    Files.writeString(file, fixture("import/mixed.ttl"));
    StringWriter out = new StringWriter();
    PrintWriter print = new PrintWriter(out, true);
    BatonCli.execute(
        print, print, "import", "--data", dataDir.toString(), "--base-url", BASE, file.toString());
    assertThat(out.toString()).contains("stored 2 resource(s)");
    assertThat(BatonCli.execute(print, print, "index", "rebuild", "--data", dataDir.toString()))
        .isZero();

    start();

    assertThat(descriptor().getLong("resourceCount")).isEqualTo(3);
    assertThat(skills())
        .as("the imported course teaches ECH itself; the first one two skills under it")
        .containsEntry("ECH", 2L)
        .containsEntry("ECH-KIN", 1L);
    assertIsTheFullScansDocument();
  }

  @Test
  void concurrentWritesLoseNoUpdate() throws Exception {
    start();
    List<String> codes = List.of("ECH-KIN", "MFG-COAT", "MFG-DRY", "SAF-TRUN", "RCY-HYD", "MAT");
    ConcurrentWriters.run(
        4,
        random -> {
          for (int i = 0; i < 15; i++) {
            String id = "course-" + random.nextInt(20);
            if (random.nextInt(6) == 0) {
              node.delete("/resources/" + id);
            } else {
              String code = codes.get(random.nextInt(codes.size()));
              node.put("/resources/" + id, "text/turtle", course(id, code), null);
            }
          }
        });

    assertThat(descriptor().getLong("resourceCount")).isPositive();
    assertIsTheFullScansDocument();
  }

  @Test
  void descriptorHasAStrongEtagAnswersIfNoneMatchWith304AndHeadWithoutBody() {
    start();
    node.post("/resources", "text/turtle", fixture("course.ttl"));

    HttpResponse<String> first = node.get(NodeDescriptorRoutes.PATH, null);
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertThat(etag).matches("\"[A-Za-z0-9_-]{22}\"");
    assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");
    assertThat(node.get(NodeDescriptorRoutes.PATH, null).headers().firstValue("ETag"))
        .hasValue(etag);

    for (String ifNoneMatch : List.of(etag, "W/" + etag, "\"other\", " + etag, "*")) {
      HttpResponse<String> notModified = conditional(ifNoneMatch);
      assertThat(notModified.statusCode()).as(ifNoneMatch).isEqualTo(304);
      assertThat(notModified.body()).isEmpty();
      assertThat(notModified.headers().firstValue("ETag")).hasValue(etag);
      assertThat(notModified.headers().firstValue("Cache-Control")).hasValue("no-cache");
    }
    assertThat(conditional("\"other\"").statusCode()).isEqualTo(200);

    HttpResponse<String> head =
        node.send(
            node.request(NodeDescriptorRoutes.PATH)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.headers().firstValue("ETag")).hasValue(etag);
    assertThat(head.headers().firstValue("Content-Type"))
        .hasValue("application/ld+json; charset=utf-8");
    assertThat(head.headers().firstValueAsLong("Content-Length"))
        .hasValue(first.body().getBytes(StandardCharsets.UTF_8).length);

    node.post("/resources", "text/turtle", fixture("unnamed-subject.ttl"));
    HttpResponse<String> changed = conditional(etag);
    assertThat(changed.statusCode()).as("a write makes a new document").isEqualTo(200);
    assertThat(changed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
  }

  @Test
  void descriptorIsServedWhileEveryStoreWorkerIsBusy() throws Exception {
    start();
    node.post("/resources", "text/turtle", fixture("course.ttl"));
    // The node's read queue runs on a shared executor: taking all its threads here stops every
    // request that reads the store (such as /health) until they are released.
    int threads = WorkLimits.defaults().read().threads();
    WorkerExecutor jena = vertx.createSharedWorkerExecutor("baton-read", threads);
    CountDownLatch release = new CountDownLatch(1);
    try {
      for (int i = 0; i < threads; i++) {
        jena.executeBlocking(() -> release.await(60, TimeUnit.SECONDS), false);
      }
      HttpClient client = HttpClient.newHttpClient();
      assertThatThrownBy(
              () ->
                  client.send(
                      node.request("/health").timeout(Duration.ofSeconds(1)).GET().build(),
                      HttpResponse.BodyHandlers.ofString()))
          .as("the store's workers are all taken")
          .isInstanceOf(HttpTimeoutException.class);

      HttpResponse<String> descriptor =
          client.send(
              node.request(NodeDescriptorRoutes.PATH).timeout(Duration.ofSeconds(5)).GET().build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(descriptor.statusCode()).isEqualTo(200);
      assertThat(new JsonObject(descriptor.body()).getLong("resourceCount")).isEqualTo(1);
    } finally {
      release.countDown();
      jena.close();
    }
  }

  private void start() {
    node = RunningNode.start(vertx, config(), setup);
  }

  private NodeConfig config() {
    return NodeConfig.defaults(dataDir, URI.create(BASE))
        .withPort(0)
        .withAdmin(a -> a.withTokenHashes(List.of(AdminTokens.hash(RunningNode.TOKEN))));
  }

  private JsonObject descriptor() {
    HttpResponse<String> response = node.get(NodeDescriptorRoutes.PATH, null);
    assertThat(response.statusCode()).isEqualTo(200);
    return new JsonObject(response.body());
  }

  /** Resources per skill code, as the descriptor shows them. */
  private Map<String, Long> skills() {
    Map<String, Long> skills = new TreeMap<>();
    descriptor()
        .getJsonArray("skills")
        .forEach(
            o -> {
              JsonObject coverage = (JsonObject) o;
              skills.put(coverage.getString("skill").replace(SKILL, ""), coverage.getLong("count"));
            });
    return skills;
  }

  /** The served document is, byte for byte, the one computed from scratch over the store now. */
  private void assertIsTheFullScansDocument() {
    SkillCoverage.Snapshot scanned =
        SkillCoverage.scan(node.verticle().store(), setup::broaderSkills);
    String expected = NodeDescriptorRoutes.document(config(), scanned).encodePrettily();
    assertThat(node.get(NodeDescriptorRoutes.PATH, null).body()).isEqualTo(expected);
  }

  private HttpResponse<String> conditional(String ifNoneMatch) {
    return node.send(
        node.request(NodeDescriptorRoutes.PATH).header("If-None-Match", ifNoneMatch).GET());
  }

  private static String teaching(String code) {
    return fixture("course.ttl")
        .replace("schema:teaches skill:ECH-THERMO , skill:ECH-KIN", "schema:teaches skill:" + code);
  }

  private static String course(String id, String code) {
    return "@prefix schema: <http://schema.org/> .\n<resources/"
        + id
        + "> a schema:Course ;\n  schema:name \"Course "
        + id
        + "\"@en ;\n  schema:license <https://creativecommons.org/licenses/by/4.0/> ;\n"
        + "  schema:inLanguage \"en\" ;\n  schema:publisher <resources/institution> ;\n"
        + "  schema:teaches <"
        + SKILL
        + code
        + "> .\n";
  }
}
