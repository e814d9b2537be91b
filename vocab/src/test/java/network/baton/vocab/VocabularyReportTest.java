package network.baton.vocab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import network.baton.vocab.SampleContent.Institution;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class VocabularyReportTest {

  private SampleContent samples;
  private VocabularyReport report;

  @BeforeAll
  void create() {
    samples = SampleContent.create();
    report = new VocabularyReport(samples, ShapeValidator.create());
  }

  @Test
  void reportPrintsAreasLevelsAndCountsPerInstitutionAndExitsZero() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    int exit = report.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(exit).isZero();
    assertThat(out)
        .contains("Skill framework: ")
        .contains("in 8 areas")
        .contains("電池製造プロセス", "Battery manufacturing process")
        .contains("technical-high-school", "kosen", "undergraduate", "graduate")
        .contains("CC BY 4.0", "CC BY-SA 4.0")
        .contains("All sample content conforms to the shapes.");
    for (Institution institution : Institution.values()) {
      Map<ResourceKind, List<String>> kinds =
          SampleContent.resourcesByKind(
              samples.load(institution, VocabularyReport.SAMPLE_BASES.get(institution)));
      assertThat(out)
          .containsPattern(
              "(?m)^  "
                  + institution.key()
                  + " +"
                  + kinds.get(ResourceKind.CURRICULUM).size()
                  + " +"
                  + kinds.get(ResourceKind.COURSE).size()
                  + " +"
                  + kinds.get(ResourceKind.MODULE).size()
                  + " +"
                  + kinds.get(ResourceKind.LEARNING_RESOURCE).size()
                  + " +\\d+ +yes$");
    }
  }

  @Test
  void reportExitsNonZeroAndNamesWhatIsWrongWhenContentDoesNotConform() {
    Graph broken = GraphFactory.createDefaultGraph();
    RDFParser.source(getClass().getResourceAsStream("/fixtures/sample/nonconforming-course.ttl"))
        .lang(Lang.TURTLE)
        .base("https://broken.example/")
        .parse(broken);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    int exit =
        report.report(
            new PrintStream(bytes, true, StandardCharsets.UTF_8), Map.of("broken", broken));

    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(exit).isEqualTo(1);
    assertThat(out)
        .containsPattern("(?m)^  broken +0 +1 +0 +0 +\\d+ +NO \\(\\d+\\)$")
        .contains("Violations in broken:")
        .contains("https://broken.example/resources/broken-course " + Schema.license.getURI())
        .contains("https://broken.example/resources/broken-course " + Schema.teaches.getURI())
        .contains("does not conform")
        .doesNotContain("All sample content conforms");
  }
}
