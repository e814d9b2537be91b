package network.baton.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The federation benchmark end to end with real member nodes at tiny sizes. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class FederationBenchTest {

  private static final long DEADLINE_MS = 600;

  @TempDir Path work;

  private final StringWriter progress = new StringWriter();

  @Test
  void federatedSearchIsMeasuredNextToLocalAndSequentialSearchAndTheHungMemberMeetsTheDeadline() {
    FederationBench.Report report =
        new FederationBench(new PrintWriter(progress))
            .run(
                work.resolve("network"),
                new FederationBench.Settings(List.of(2, 3), 20, 2, 8, DEADLINE_MS, 2, 16, 0));

    assertThat(report.results()).hasSize(3);
    BenchResult two = report.results().get(0);
    BenchResult three = report.results().get(1);
    assertThat(two.settings()).containsEntry("members", 2).containsEntry("answerCache", "off");
    assertThat(three.settings()).containsEntry("members", 3);
    for (BenchResult sized : List.of(two, three)) {
      assertThat(sized.comparisons()).hasSize(4);
      for (Comparison c : sized.comparisons()) {
        assertThat(c.measured()).isPositive();
        assertThat(c.baseline()).isPositive();
        assertThat(c.ratio()).isCloseTo(c.measured() / c.baseline(), within(1e-9));
      }
      assertThat(sized.comparisons().get(0).baselineName()).startsWith("one member GET /search");
      assertThat(sized.comparisons().get(2).baselineName()).startsWith("sequential /search");
      // Every member holds matches, so every federated answer fused hits.
      assertThat((long) sized.settings().get("federatedHitsReturned")).isPositive();
    }

    BenchResult hung = report.results().get(2);
    assertThat(hung.benchmark()).isEqualTo("federation-hung-member");
    assertThat(hung.settings())
        .containsEntry("requests", 2)
        .containsEntry("partialAnswers", 2)
        .containsEntry("hungMemberTimeouts", 2);
    // Slack over the 100 ms: the test shares the machine with parallel builds.
    Comparison slowest = hung.comparisons().get(1);
    assertThat(slowest.measured())
        .isGreaterThanOrEqualTo(DEADLINE_MS - 50)
        .isLessThan(DEADLINE_MS + 400);
    assertThat(report.markdown()).contains("| 2 |", "| 3 |", "one member hung");
  }

  @Test
  void federationCommandWithALinkDelayPrintsTheTablesAndWritesJsonThatParses() throws Exception {
    Path out = work.resolve("out");
    BenchCli cli = new BenchCli();
    int code =
        cli.writingJson(
            out,
            work.resolve("scratch"),
            "federation",
            "--members=2",
            "--resources-per-member=10",
            "--warmup=0",
            "--iterations=3",
            "--hung-iterations=1",
            "--deadline=500",
            "--link-delay=40");

    assertThat(code).as(cli.err()).isZero();
    assertThat(cli.out())
        .contains("GET /federation/search, 2 members p50", "| members |", "one member hung");
    List<Path> files = BenchCli.written(out);
    JsonObject json = new JsonObject(Files.readString(files.get(0)));
    JsonArray results = json.getJsonArray("results");
    assertThat(results).hasSize(2);
    JsonObject sized = results.getJsonObject(0);
    assertThat(sized.getString("benchmark")).isEqualTo("federation");
    assertThat(sized.getJsonObject("settings").getLong("linkDelayMs")).isEqualTo(40);
    // Every answer from a member crosses the delayed link: no search can be faster than it.
    for (Object c : sized.getJsonArray("comparisons")) {
      JsonObject comparison = (JsonObject) c;
      assertThat(comparison.getDouble("measured")).isGreaterThanOrEqualTo(40.0);
      assertThat(comparison.getDouble("baseline")).isGreaterThanOrEqualTo(40.0);
    }
    assertThat(work.resolve("scratch")).isEmptyDirectory();
  }

  @Test
  void badSettingsAreRefusedWithAMessage() {
    BenchCli cli = new BenchCli();
    int zero = cli.run("federation", "--members=0", "--work=" + work);
    int tooLong = cli.run("federation", "--deadline=60000", "--work=" + work);

    assertThat(zero).isNotZero();
    assertThat(tooLong).isNotZero();
    assertThat(cli.err()).contains("member counts", "deadline must be 1 to 10000 ms");
  }
}
