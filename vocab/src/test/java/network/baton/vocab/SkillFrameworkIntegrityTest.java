package network.baton.vocab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Broken frameworks in fixtures/skills/ must each be reported, so a damaged skills.ttl cannot pass.
 */
@Timeout(30)
class SkillFrameworkIntegrityTest {

  static Graph fixture(String name) {
    Graph graph = GraphFactory.createDefaultGraph();
    try (InputStream in =
        SkillFrameworkIntegrityTest.class.getResourceAsStream("/fixtures/" + name)) {
      assertThat(in).as("fixture %s", name).isNotNull();
      RDFParser.source(in).lang(Lang.TURTLE).parse(graph);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return graph;
  }

  @Test
  void soundSmallFrameworkHasNoProblems() {
    SkillFramework framework = SkillFramework.from(fixture("skills/sound.ttl"));
    assertThat(framework.integrityProblems()).isEmpty();
    assertThat(framework.all()).hasSize(5);
    assertThat(framework.topConcepts()).extracting(Skill::notation).containsExactly("MFG", "SAF");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "cycle                    | MFG-COAT: skos:broader cycle",
        "missing-ja-label         | MFG-COAT: has 0 skos:prefLabel in 'ja'",
        "two-en-labels            | SAF-FIRE: has 2 skos:prefLabel in 'en'",
        "notation-not-iri         | MFG-COAT-SLOT: IRI does not equal the namespace plus the notation 'MFG-COAT-DIE'",
        "lower-case-notation      | saf-fire: notation 'saf-fire' is not upper-case codes",
        "narrower-without-broader | MFG: skos:narrower https://w3id.org/baton/skill/SAF-FIRE without the inverse",
        "orphan                   | SAF-FIRE: neither a top concept nor has a skos:broader concept",
        "unknown-broader          | MFG-COAT-SLOT: skos:broader https://w3id.org/baton/skill/MFG-PRINT is not a concept",
        "no-in-scheme             | SAF-FIRE: no skos:inScheme",
        "duplicate-notation       | notation 'MFG-COAT' is also used by",
        "top-with-broader         | SAF: top concept has a skos:broader concept",
        "no-definition            | MFG-COAT: no skos:definition in 'en'",
        "top-not-listed           | SAF: skos:topConceptOf and the scheme's skos:hasTopConcept disagree",
        "bad-prefix               | SAF-FIRE: notation does not start with the broader notation 'MFG-COAT-'",
      })
  void brokenFrameworkIsReported(String fixture, String expected) {
    SkillFramework framework = SkillFramework.from(fixture("skills/" + fixture + ".ttl"));
    assertThat(framework.integrityProblems()).anySatisfy(p -> assertThat(p).contains(expected));
  }

  @Test
  void cycleDoesNotHangTheHierarchyWalks() {
    SkillFramework framework = SkillFramework.from(fixture("skills/cycle.ttl"));
    Skill coat = framework.byNotation("MFG-COAT").orElseThrow();
    assertThat(framework.ancestors(coat))
        .extracting(Skill::notation)
        .containsExactly("MFG-COAT-SLOT");
    assertThat(framework.descendants(coat))
        .extracting(Skill::notation)
        .containsExactly("MFG-COAT-SLOT");
    assertThatThrownBy(() -> framework.topConceptOf(coat))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void emptyGraphIsReportedAsMissingTheScheme() {
    SkillFramework framework = SkillFramework.from(GraphFactory.createDefaultGraph());
    assertThat(framework.all()).isEmpty();
    assertThat(framework.integrityProblems())
        .anySatisfy(p -> assertThat(p).contains("scheme is not typed"));
  }
}
