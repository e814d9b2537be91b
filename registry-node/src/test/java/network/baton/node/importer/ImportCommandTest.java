package network.baton.node.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import network.baton.node.Cli;
import network.baton.node.RunningNode;
import network.baton.node.store.NodeDataset;
import network.baton.node.store.OpenDataset;
import network.baton.node.store.ResourceIds;
import network.baton.node.store.ResourceStore;
import network.baton.node.store.StoreException;
import network.baton.vocab.SampleContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@Timeout(120)
class ImportCommandTest {

  private static final String BASE = "http://node.test";

  @TempDir Path folder;
  private final Cli cli = new Cli();

  @Test
  void offlineImportOfTheSampleFilesIsServedAndFoundByANodeStartedOnTheFolder(Vertx vertx)
      throws IOException {
    Path data = folder.resolve("data");
    List<String> args =
        new ArrayList<>(List.of("import", "--data", data.toString(), "--base-url", BASE));
    SampleContent samples = SampleContent.create();
    for (SampleContent.Institution institution : samples.institutions()) {
      String name = institution.resource().substring(SampleContent.FOLDER.length());
      args.add(Files.writeString(folder.resolve(name), samples.text(institution)).toString());
    }

    int code = cli.run(args.toArray(String[]::new));

    // Each sample file describes its institution as resources/institution (one institution per
    // node), so in one node the first wins and the other two are reported, not silently merged.
    assertThat(code).as(cli.printed()).isEqualTo(1);
    assertThat(cli.out())
        .startsWith("stored 67 resource(s)")
        .contains("rejected 2,")
        .contains(
            "rejected " + BASE + "/resources/institution (" + folder.resolve("university.jsonld"))
        .contains(
            "rejected " + BASE + "/resources/institution (" + folder.resolve("highschool.ttl"))
        .contains("appears twice in the import");
    try (RunningNode node = RunningNode.start(vertx, data)) {
      var course = node.get("/resources/kosen-mc4-ec", "text/turtle");
      assertThat(course.statusCode()).isEqualTo(200);
      assertThat(course.body()).contains("prov:wasAttributedTo", "schema:Course");
      var institution = node.get("/resources/institution", "application/n-triples");
      assertThat(institution.statusCode()).isEqualTo(200);
      assertThat(institution.body()).contains("Setouchi College");
      JsonObject search =
          new JsonObject(
              node.get("/search?q=" + URLEncoder.encode("電池", StandardCharsets.UTF_8), null)
                  .body());
      assertThat(search.getLong("total")).isPositive();
      assertThat(search.encode()).contains(BASE + "/resources/");
      JsonObject changes = new JsonObject(node.get("/changes?limit=1000", null).body());
      assertThat(changes.getJsonArray("changes")).hasSize(67);
    }
  }

  @Test
  void invalidResourceIsReportedWithItsReasonWhileTheValidOnesAreStored() throws IOException {
    Path data = folder.resolve("data");

    int code = importInto(data, fixture("mixed.ttl").toString());

    assertThat(code).isEqualTo(1);
    assertThat(cli.out())
        .startsWith("stored 2 resource(s)")
        .contains("rejected 1")
        .contains("rejected " + BASE + "/resources/import-unlicensed")
        .contains("http://schema.org/license");
    try (var index =
        org.apache.lucene.index.DirectoryReader.open(
            org.apache.lucene.store.FSDirectory.open(data.resolve("text-index")))) {
      assertThat(index.numDocs()).as("indexed in the import's own commits").isPositive();
    }
    try (ResourceStore store = openStore(data)) {
      assertThat(store.get("import-institution").graph().size()).isGreaterThan(5);
      assertThat(store.get("import-ec101").iri()).isEqualTo(BASE + "/resources/import-ec101");
      assertThat(store.count()).isEqualTo(2);
      assertThat(store.changes(0, 10).changes()).hasSize(2);
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.get("import-unlicensed"))
          .isInstanceOf(StoreException.class);
    }
  }

  @Test
  void malformedFileIsReportedWithLineAndColumnAndTheOtherFilesAreStillImported()
      throws IOException {
    Path data = folder.resolve("data");

    int code =
        importInto(
            data,
            fixture("broken.ttl").toString(),
            fixture("institutions.nt").toString(),
            fixture("blank-resource.jsonld").toString());

    assertThat(code).isEqualTo(1);
    assertThat(cli.out())
        .startsWith("stored 3 resource(s)")
        .contains("rejected 2")
        .containsPattern("rejected file .*broken\\.ttl\\R  - parse error: line 7, column 1: ")
        .contains("needs an IRI of its own");
    try (ResourceStore store = openStore(data)) {
      assertThat(store.get("nt-college").graph().size()).isGreaterThan(3);
      assertThat(store.get("nt-school").iri()).endsWith("nt-school");
      assertThat(store.get("jsonld-college").iri()).endsWith("jsonld-college");
    }
  }

  @Test
  void importingTheSameFileTwiceRejectsWhatIsThereUnlessAskedToReplaceIt() throws IOException {
    Path data = folder.resolve("data");
    String file = fixture("institutions.nt").toString();
    assertThat(importInto(data, file)).isZero();
    cli.clear();

    int again = importInto(data, "--batch", "5", file);

    assertThat(again).isEqualTo(1);
    assertThat(cli.out()).startsWith("stored 0").contains("already exists (use --replace");
    Path renamed =
        Files.writeString(
            folder.resolve("renamed.nt"),
            Files.readString(Path.of(file)).replace("N-Triples College", "Renamed College"));
    cli.clear();

    int replaced = importInto(data, "--replace", renamed.toString());

    assertThat(replaced).as(cli.printed()).isZero();
    assertThat(cli.out()).startsWith("stored 2");
    try (ResourceStore store = openStore(data)) {
      assertThat(store.get("nt-college").version()).isEqualTo(2);
      assertThat(store.get("nt-college").graph().toString())
          .contains("Renamed College")
          .doesNotContain("N-Triples College");
      assertThat(store.count()).isEqualTo(2);
      assertThat(store.changes(0, 10).changes())
          .extracting(c -> c.action().word())
          .containsExactly("created", "created", "updated", "updated");
    }
  }

  @Test
  void offlineImportIntoAFolderARunningNodeHoldsIsRefusedAndTheNodeKeepsWorking(Vertx vertx)
      throws IOException {
    Path data = folder.resolve("data");
    try (RunningNode node = RunningNode.start(vertx, data)) {
      int code = importInto(data, fixture("institutions.nt").toString());

      assertThat(code).isEqualTo(2);
      assertThat(cli.err()).contains("is open in a running node");
      assertThat(node.get("/health", null).statusCode()).isEqualTo(200);
      assertThat(node.get("/resources", null).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void importThroughARunningNodeStoresTheResourcesAndReportsTheNodesReasons(Vertx vertx)
      throws IOException {
    try (RunningNode node = RunningNode.start(vertx, folder.resolve("data"))) {
      int code =
          importThrough(
              node,
              RunningNode.TOKEN,
              "--concurrency",
              "2",
              fixture("mixed.ttl").toString(),
              fixture("institutions.nt").toString());

      assertThat(code).as(cli.err()).isEqualTo(1);
      assertThat(cli.out())
          .startsWith("stored 4 resource(s)")
          .contains("rejected " + BASE + "/resources/import-unlicensed");
      assertThat(node.get("/resources/import-ec101", "text/turtle").statusCode()).isEqualTo(200);
      assertThat(node.get("/resources/nt-school", "text/turtle").statusCode()).isEqualTo(200);
      assertThat(node.get("/resources/import-unlicensed", "text/turtle").statusCode())
          .isEqualTo(404);
      cli.clear();

      int replaced =
          importThrough(
              node, RunningNode.TOKEN, "--replace", fixture("institutions.nt").toString());

      assertThat(replaced).as(cli.printed()).isZero();
      assertThat(cli.out()).startsWith("stored 2");
      assertThat(node.get("/resources/nt-school", "text/turtle").headers().firstValue("ETag"))
          .hasValue("\"2-ttl\"");
    }
  }

  @Test
  void importThroughANodeWithAWrongTokenStopsWithExitCode2(Vertx vertx) throws IOException {
    try (RunningNode node = RunningNode.start(vertx, folder.resolve("data"))) {
      int code = importThrough(node, "not-the-token", fixture("institutions.nt").toString());

      assertThat(code).isEqualTo(2);
      assertThat(cli.err()).contains("refused the admin token (403");
      assertThat(new JsonObject(node.get("/resources", null).body()).getLong("total")).isZero();
    }
  }

  @Test
  void usageErrorsExitWith2AndSayWhatIsMissing() throws IOException {
    String file = fixture("institutions.nt").toString();

    assertThat(cli.run("import", "--data", folder.toString(), file)).isEqualTo(2);
    assertThat(cli.err()).contains("--base-url URL or --config FILE");
    assertThat(cli.run("import", "--node", "http://localhost:1", file)).isEqualTo(2);
    assertThat(cli.err()).contains("--node needs --token");
    assertThat(cli.run("import", "--data", folder.toString(), "--base-url", BASE, "missing.ttl"))
        .isEqualTo(2);
    assertThat(cli.err()).contains("no readable file missing.ttl");
    assertThat(cli.run("import", "--node", "http://127.0.0.1:1", "--token", "t", file))
        .isEqualTo(2);
    assertThat(cli.err()).contains("cannot reach the node");
    assertThat(cli.run("import", file)).isEqualTo(2);
  }

  @Test
  void indexRebuildReindexesTheStoreAndRefusesAFolderInUse(Vertx vertx) throws IOException {
    Path data = folder.resolve("data");
    assertThat(importInto(data, fixture("mixed.ttl").toString())).isEqualTo(1);
    cli.clear();

    assertThat(cli.run("index", "rebuild", "--data", data.toString())).as(cli.err()).isZero();
    assertThat(cli.out()).containsPattern("text index rebuilt: [1-9]\\d* literal\\(s\\) indexed");

    try (RunningNode node = RunningNode.start(vertx, data)) {
      JsonObject search = new JsonObject(node.get("/search?q=electrochemistry", null).body());
      assertThat(search.encode()).contains(BASE + "/resources/import-ec101");
      assertThat(cli.run("index", "rebuild", "--data", data.toString())).isEqualTo(2);
      assertThat(cli.err()).contains("is open in a running node");
    }
  }

  private static ResourceStore openStore(Path data) {
    return new ResourceStore(
        OpenDataset.of(NodeDataset.open(data)), new ResourceIds(BASE), BASE, Clock.systemUTC());
  }

  private Path fixture(String name) throws IOException {
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream("fixtures/import/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return Files.write(folder.resolve(name), in.readAllBytes());
    }
  }

  @Test
  void filesNestedFiveThousandDeepOrNotUtf8AreOneLineEachAndTheOthersStillImported()
      throws IOException {
    Path data = folder.resolve("data");
    Path deepTurtle =
        Files.writeString(
            folder.resolve("deep.ttl"),
            "@prefix s: <http://schema.org/> .\n<resources/deep> a s:Course ; s:about "
                + "( ".repeat(5_000)
                + ")".repeat(5_000)
                + " .\n");
    Path deepJson =
        Files.writeString(
            folder.resolve("deep.jsonld"),
            "{\"a\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}");
    byte[] text = Files.readAllBytes(fixture("institutions.nt"));
    int bad = new String(text, StandardCharsets.UTF_8).indexOf("College") + 2;
    text[bad] = (byte) 0xfe;
    Path notUtf8 = Files.write(folder.resolve("latin1.nt"), text);

    int code =
        importInto(
            data,
            deepTurtle.toString(),
            deepJson.toString(),
            notUtf8.toString(),
            fixture("blank-resource.jsonld").toString());

    String printed = cli.printed();
    assertThat(code).as(printed).isEqualTo(1);
    assertThat(printed).doesNotContain("\tat ").doesNotContain("StackOverflowError");
    assertThat(cli.out())
        .containsPattern(
            "rejected file .*deep\\.ttl\\R  - line 2, column \\d+: the input is nested deeper"
                + " than 64 levels, past the limit maxNestingDepth\\R")
        .containsPattern("rejected file .*deep\\.jsonld\\R  - line 1, column \\d+: the input is")
        .containsPattern(
            "rejected file .*latin1\\.nt\\R  - not valid UTF-8 at byte " + bad + " \\(0xFE\\)\\R");
  }

  private int importInto(Path data, String... files) {
    return cli.run(
        Cli.join(new String[] {"import", "--data", data.toString(), "--base-url", BASE}, files));
  }

  private int importThrough(RunningNode node, String token, String... files) {
    return cli.run(
        Cli.join(new String[] {"import", "--node", node.url(), "--token", token}, files));
  }
}
