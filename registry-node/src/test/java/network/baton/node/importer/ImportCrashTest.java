package network.baton.node.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import network.baton.node.Eventually;
import network.baton.node.NodeProcess;
import network.baton.node.auth.AdminTokens;
import network.baton.vocab.ContextLoader;
import network.baton.vocab.ShapeValidator;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node in its own JVM is killed with SIGKILL in the middle of an API import, then restarted on
 * the same folder: every acknowledged resource must be there, whole, and nothing half-written.
 */
@Timeout(180)
class ImportCrashTest {

  private static final String TOKEN = "crash-test-admin-token-0123456789abcdefghijklmn";
  private static final String BASE = "http://node.test";
  private static final int RESOURCES = 100;
  private static final int KILL_AFTER = 20;
  private static final Pattern PORT = Pattern.compile("on port (\\d+)");
  private static final Node WAS_ATTRIBUTED_TO =
      NodeFactory.createURI("http://www.w3.org/ns/prov#wasAttributedTo");

  @TempDir Path folder;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<Process> processes = new ArrayList<>();

  @AfterEach
  void killLeftovers() {
    processes.forEach(Process::destroyForcibly);
  }

  @Test
  void acknowledgedResourcesSurviveAKillDashNineAndNothingHalfWrittenIsVisible() throws Exception {
    Path data = folder.resolve("data");
    Path config = writeConfig(data);
    ImportFileReader reader = new ImportFileReader(ContextLoader.bundled(), BASE);
    List<ImportItem> items = reader.split("generated", generated()).items();
    assertThat(items).hasSize(RESOURCES);
    Map<String, Graph> sent = new HashMap<>();
    items.forEach(item -> sent.put(item.iri(), item.graph()));

    Process first = startNode(config, folder.resolve("first.log"));
    String url = "http://localhost:" + awaitPort(first, folder.resolve("first.log"));
    assertThat(offlineImportInto(data)).as("a running node's folder is refused").isEqualTo(2);
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    // Small batches, so that the kill lands between acknowledged batches and inside others.
    OnlineImporter importer = new OnlineImporter(client, URI.create(url), TOKEN, 4, false, 5);
    assertThat(importer.baseUrl()).isEqualTo(BASE);
    ImportProgress quiet =
        new ImportProgress(
            new java.io.PrintWriter(java.io.Writer.nullWriter()),
            false,
            RESOURCES,
            System::nanoTime);
    CompletableFuture<ImportSummary> running =
        CompletableFuture.supplyAsync(
            () -> importer.run(items, List.of(), quiet, acknowledged::add));
    Eventually.until(
        KILL_AFTER + " resources acknowledged",
        Duration.ofSeconds(60),
        () -> acknowledged.size() >= KILL_AFTER);
    first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    ImportSummary summary = running.get(90, TimeUnit.SECONDS);
    Set<String> acked = Set.copyOf(acknowledged);
    assertThat(acked).hasSizeGreaterThanOrEqualTo(KILL_AFTER);
    assertThat(summary.stored()).isEqualTo(acked.size());
    assertThat(summary.rejected()).as("the kill must interrupt the import").isNotEmpty();

    Process second = startNode(config, folder.resolve("second.log"));
    String restarted = "http://localhost:" + awaitPort(second, folder.resolve("second.log"));
    JsonObject list = json(restarted + "/resources?limit=500");
    Set<String> present = new HashSet<>();
    for (Object entry : list.getJsonArray("items")) {
      present.add(((JsonObject) entry).getString("iri"));
    }
    assertThat(list.getLong("total")).isEqualTo(present.size());
    assertThat(present).containsAll(acked);

    ShapeValidator shapes = ShapeValidator.create();
    for (String iri : present) {
      HttpResponse<String> response =
          get(restarted + "/resources/" + iri.substring(iri.lastIndexOf('/') + 1));
      assertThat(response.statusCode()).as(iri).isEqualTo(200);
      Graph stored = GraphFactory.createDefaultGraph();
      RDFParser.create()
          .source(new StringReader(response.body()))
          .lang(Lang.NTRIPLES)
          .parse(stored);
      Node subject = NodeFactory.createURI(iri);
      assertThat(shapes.validate(stored)).as(iri).isEmpty();
      assertThat(stored.contains(subject, WAS_ATTRIBUTED_TO, Node.ANY)).as(iri).isTrue();
      assertThat(stored.contains(subject, DCTerms.created.asNode(), Node.ANY)).as(iri).isTrue();
      assertThat(stored.contains(subject, DCTerms.modified.asNode(), Node.ANY)).as(iri).isTrue();
      assertThat(withoutProvenance(stored, subject).isIsomorphicWith(sent.get(iri)))
          .as("content of " + iri)
          .isTrue();
    }
    JsonObject changes = json(restarted + "/changes?limit=1000");
    JsonArray entries = changes.getJsonArray("changes");
    Set<String> logged = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      JsonObject change = entries.getJsonObject(i);
      assertThat(change.getLong("sequence")).isEqualTo(i + 1L);
      assertThat(change.getString("action")).isEqualTo("created");
      assertThat(logged.add(change.getString("iri"))).as("logged once: " + change).isTrue();
    }
    assertThat(changes.getLong("latest")).isEqualTo(entries.size());
    assertThat(logged).isEqualTo(present);
  }

  private int offlineImportInto(Path data) throws IOException {
    Path file =
        Files.writeString(
            folder.resolve("one.ttl"),
            "<resources/x> a <http://schema.org/EducationalOrganization> ;"
                + " <http://schema.org/name> \"X\"@en ; <http://schema.org/url> <https://x.example/> .");
    java.io.StringWriter err = new java.io.StringWriter();
    int code =
        network.baton.node.cli.BatonCli.execute(
            new java.io.PrintWriter(java.io.Writer.nullWriter()),
            new java.io.PrintWriter(err, true),
            "import",
            "--data",
            data.toString(),
            "--base-url",
            BASE,
            file.toString());
    assertThat(err.toString()).contains("running node");
    return code;
  }

  private static Graph generated() {
    StringBuilder turtle = new StringBuilder("@prefix schema: <http://schema.org/> .\n");
    for (int i = 0; i < RESOURCES; i++) {
      turtle.append(
          String.format(
              "<resources/crash-%1$03d> a schema:EducationalOrganization ;%n"
                  + "  schema:name \"Crash Test College %1$d\"@en , \"クラッシュ試験学院 %1$d\"@ja ;%n"
                  + "  schema:description \"A college that exists to be imported while its node dies.\"@en ;%n"
                  + "  schema:address [ a schema:PostalAddress ; schema:addressLocality \"Town %1$d\" ] ;%n"
                  + "  schema:url <https://crash-%1$03d.example/> .%n",
              i));
    }
    return new ImportFileReader(ContextLoader.bundled(), BASE)
        .parse(turtle.toString(), ImportFormat.TURTLE);
  }

  private static Graph withoutProvenance(Graph graph, Node subject) {
    Graph copy = GraphFactory.createDefaultGraph();
    graph.find().forEachRemaining(copy::add);
    copy.remove(subject, WAS_ATTRIBUTED_TO, Node.ANY);
    copy.remove(subject, DCTerms.created.asNode(), Node.ANY);
    copy.remove(subject, DCTerms.modified.asNode(), Node.ANY);
    return copy;
  }

  private Path writeConfig(Path data) throws IOException {
    JsonObject config =
        new JsonObject()
            .put("port", 0)
            .put("host", "127.0.0.1")
            .put("dataDir", data.toString())
            .put("baseUrl", BASE)
            .put("adminTokenHashes", new JsonArray().add(AdminTokens.hash(TOKEN)));
    return Files.writeString(folder.resolve("node.json"), config.encodePrettily());
  }

  private Process startNode(Path config, Path log) throws IOException {
    Process process = NodeProcess.start(config, log, "-XX:TieredStopAtLevel=1");
    processes.add(process);
    return process;
  }

  /** The port the node prints once it listens ("baton: node '...' on port N"). */
  private static int awaitPort(Process process, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
      Matcher port = PORT.matcher(text);
      if (port.find()) {
        return Integer.parseInt(port.group(1));
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("node exited with " + process.exitValue() + ":\n" + text);
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("node did not report its port:\n" + Files.readString(log));
  }

  private HttpResponse<String> get(String url) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Accept", "application/n-triples")
            .timeout(Duration.ofSeconds(30))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonObject json(String url) throws Exception {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(url).isEqualTo(200);
    return new JsonObject(response.body());
  }
}
