package network.baton.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each benchmark runs end to end at a tiny size against real stores and a real node. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class BenchmarksTest {

  @TempDir Path work;

  private final StringWriter progress = new StringWriter();

  @Test
  void importBenchmarkMeasuresBothImportersNextToJenasBulkLoader() {
    BenchResult result = new ImportBench(work, new PrintWriter(progress)).run(20, 0, 1);

    assertThat(result.comparisons()).hasSize(2);
    assertMeasuredWithBaseline(result.comparisons());
    assertThat(result.comparisons().get(0).baselineName()).startsWith("Jena TDB2");
    assertThat(result.settings()).containsEntry("resources", 20);
    assertThat((long) result.settings().get("triples")).isGreaterThan(20);
    assertThat(result.notes()).anyMatch(n -> n.contains("target at least 50%"));
    assertThat(work).isEmptyDirectory();
  }

  @Test
  void searchAndSparqlBenchmarksMeasureTheNodeNextToJenaInProcess() {
    try (BenchNode node = BenchDataset.start(work.resolve("store"), 200)) {
      BenchResult search = new SearchBench(new PrintWriter(progress)).run(node, 200, 2, 30);
      BenchResult sparql = new SparqlBench(new PrintWriter(progress)).run(node, 200, 2, 20, 2);

      assertThat(search.comparisons()).extracting(Comparison::name).hasSize(4);
      assertMeasuredWithBaseline(search.comparisons());
      // The same texts are matched both ways: the node finds hits and so does text:query.
      assertThat((long) search.settings().get("localSearchTotalMatches")).isPositive();
      assertThat((long) search.settings().get("httpSearchTotalMatches"))
          .isEqualTo(search.settings().get("localSearchTotalMatches"));
      assertThat((long) search.settings().get("textQueryTotalRows")).isPositive();
      assertThat(search.notes()).anyMatch(n -> n.contains("target under 50 ms"));
      assertMeasuredWithBaseline(sparql.comparisons());
      assertThat((long) sparql.settings().get("inProcessRows")).isEqualTo(20L * 20);
    }
  }

  @Test
  void abuseBenchmarkMeasuresHonestClientsAloneAndUnderAttack() {
    try (BenchNode node = BenchDataset.start(work.resolve("store"), 100)) {
      BenchResult result =
          new AbuseBench(new PrintWriter(progress))
              .run(
                  node,
                  100,
                  new AbuseBench.Settings(2, 1, 5, Duration.ZERO, Duration.ofMillis(500)));

      assertThat(result.comparisons()).hasSize(4);
      assertMeasuredWithBaseline(result.comparisons().subList(0, 2));
      assertThat((int) result.settings().get("searchSamplesAlone")).isPositive();
      assertThat((int) result.settings().get("searchSamplesUnderAttack")).isPositive();
      assertThat(result.settings().get("attackOutcomes").toString()).isNotEqualTo("{}");
      assertThat(result.notes()).anyMatch(n -> n.startsWith("target: /search p99 under attack"));
    }
  }

  @Test
  void descriptorBenchmarkMeasuresTheDescriptorFromMemoryNextToTheFullScan() {
    BenchResult result =
        new DescriptorBench(new PrintWriter(progress))
            .run(work.resolve("store"), new DescriptorBench.Settings(60, 2, 0.2, 0.5));

    assertThat(result.comparisons())
        .extracting(Comparison::name)
        .containsExactly(
            "descriptor from memory",
            "descriptor p50",
            "descriptor p99",
            "/health p99, descriptor hammered");
    assertMeasuredWithBaseline(result.comparisons());
    assertThat(result.settings())
        .containsEntry("resources", 60)
        .containsEntry("sameDocumentBothWays", true)
        .containsEntry("errors", 0L);
    assertThat((long) result.settings().get("fullScanAnswers")).isPositive();
  }

  @Test
  void descriptorBenchmarkIsListed() {
    BenchCli help = new BenchCli();
    help.run("--help");
    assertThat(help.out()).contains("descriptor");
  }

  /** A benchmark's bad setting, the folder option, and what the refusal names. */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "abuse, --attackers=0, --work=, --attackers",
    "descriptor, --clients=0, --work=, --clients",
    "search, --resources=0, --work=, --resources and --iterations must be at least 1",
    "credentials, --format=xml, --out=, xml"
  })
  void settingsAreCheckedBeforeAnythingStarts(
      String benchmark, String setting, String folderOption, String named) {
    BenchCli cli = new BenchCli();
    int code = cli.run(benchmark, setting, folderOption + work);

    assertThat(code).isEqualTo(2);
    assertThat(cli.err()).contains(named);
    assertThat(work).isEmptyDirectory();
  }

  @Test
  void benchCommandPrintsATableAndWritesJsonThatParses() throws Exception {
    Path out = work.resolve("out");
    Path scratch = work.resolve("scratch");
    BenchCli cli = new BenchCli();
    int code =
        cli.writingJson(out, scratch, "sparql", "--resources=100", "--warmup=0", "--iterations=10");

    assertThat(code).isZero();
    assertThat(cli.out()).contains("GET /sparql", "QueryExecution in-process", "ratio");
    List<Path> files = BenchCli.written(out);
    assertThat(files).singleElement().asString().endsWith(".json");
    JsonObject json = new JsonObject(Files.readString(files.get(0)));
    assertThat(json.getJsonObject("machine").getInteger("cores")).isPositive();
    JsonObject comparison =
        json.getJsonArray("results").getJsonObject(0).getJsonArray("comparisons").getJsonObject(0);
    assertThat(comparison.getDouble("measured")).isPositive();
    assertThat(comparison.getDouble("baseline")).isPositive();
    assertThat(comparison.getDouble("ratio")).isPositive();
  }

  @Test
  void unknownBenchmarkIsAUsageError() {
    BenchCli cli = new BenchCli();
    int code = cli.run("gossip");

    assertThat(code).isEqualTo(2);
    assertThat(cli.err()).contains("gossip");
  }

  @Test
  void percentilesAreNearestRankOverEverySample() {
    Latencies latencies = new Latencies();
    for (int ms = 100; ms >= 1; ms--) {
      latencies.record(ms * 1_000_000L);
    }

    assertThat(latencies.count()).isEqualTo(100);
    assertThat(latencies.percentileMillis(50)).isEqualTo(50.0);
    assertThat(latencies.percentileMillis(99)).isEqualTo(99.0);
    assertThat(latencies.percentileMillis(100)).isEqualTo(100.0);
  }

  private static void assertMeasuredWithBaseline(List<Comparison> comparisons) {
    assertThat(comparisons)
        .isNotEmpty()
        .allSatisfy(
            c -> {
              assertThat(c.measured()).isPositive();
              assertThat(c.baseline()).isPositive();
              assertThat(c.ratio()).isPositive().isFinite();
            });
  }
}
