package network.baton.vocab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class EducationalLevelsTest {

  private static final String ISCED = "https://w3id.org/kim/isced-2011/level";

  private static EducationalLevels levels;

  @BeforeAll
  static void loadOnce() {
    levels = EducationalLevels.load();
  }

  private static Level level(String notation) {
    return levels.byNotation(notation).orElseThrow();
  }

  @Test
  void bundledLevelsAreTheFiveOfTheDataModelWithoutProblems() {
    assertThat(levels.integrityProblems()).isEmpty();
    assertThat(levels.all())
        .extracting(Level::notation)
        .containsExactly(
            "graduate", "kosen", "professional", "technical-high-school", "undergraduate");
    for (Level level : levels.all()) {
      assertThat(level.iri()).isEqualTo(Levels.NS + level.notation());
      assertThat(level.labels()).as(level.notation()).containsKeys("ja", "en");
      assertThat(level.definitions()).as(level.notation()).containsKeys("ja", "en");
    }
    assertThat(levels.contains(Levels.KOSEN.getURI())).isTrue();
    assertThat(levels.contains(Levels.TECHNICAL_HIGH_SCHOOL.getURI())).isTrue();
  }

  @Test
  void levelsAreMappedToIscedWithTheRelationThatHolds() {
    assertThat(level("technical-high-school").iscedMatches())
        .containsExactly(new IscedMatch(MappingRelation.BROAD, ISCED + "3"));
    assertThat(level("kosen").iscedMatches())
        .containsExactly(
            new IscedMatch(MappingRelation.RELATED, ISCED + "3"),
            new IscedMatch(MappingRelation.RELATED, ISCED + "5"));
    assertThat(level("undergraduate").iscedMatches())
        .containsExactly(new IscedMatch(MappingRelation.EXACT, ISCED + "6"));
    assertThat(level("graduate").iscedMatches())
        .containsExactly(
            new IscedMatch(MappingRelation.NARROW, ISCED + "7"),
            new IscedMatch(MappingRelation.NARROW, ISCED + "8"));
    assertThat(level("professional").iscedMatches()).isEmpty();
    assertThat(level("graduate").iscedLevels()).containsExactly(7, 8);
    assertThat(level("kosen").iscedLevels()).containsExactly(3, 5);
  }

  @Test
  void everyExternalLevelIriUsedIsOneTheKimVocabularyUses() {
    Graph kim = SkillFrameworkIntegrityTest.fixture("refs/kim-educationalLevel.ttl");
    Set<String> known = new HashSet<>();
    kim.find()
        .forEachRemaining(
            t -> {
              for (Node n : List.of(t.getSubject(), t.getObject())) {
                if (n.isURI()) {
                  known.add(n.getURI());
                }
              }
            });
    Graph ours = levels.graph();
    List<String> external = new java.util.ArrayList<>();
    for (MappingRelation relation : MappingRelation.values()) {
      ours.find(Node.ANY, relation.property().asNode(), Node.ANY)
          .forEachRemaining(t -> external.add(t.getObject().getURI()));
    }
    assertThat(external).isNotEmpty().allSatisfy(iri -> assertThat(known).contains(iri));
    assertThat(ours.contains(Levels.KOSEN.asNode(), SKOS.exactMatch.asNode(), Node.ANY)).isFalse();
  }

  @Test
  void labelsFallBackLikeSkillLabels() {
    assertThat(level("kosen").label("ja")).isEqualTo("高等専門学校（高専）");
    assertThat(level("kosen").label("fr")).isEqualTo("College of technology (kosen)");
    assertThat(level("kosen").definition("ja-JP")).get().asString().contains("5年間");
  }

  @Test
  void unknownLevelsFindNothing() {
    assertThat(levels.byIri(Levels.NS + "kindergarten")).isEmpty();
    assertThat(levels.byNotation("Kosen")).isEmpty();
    assertThat(levels.contains(Skills.NS + "MFG")).isFalse();
  }

  @Test
  void brokenLevelsAreReported() {
    EducationalLevels broken =
        EducationalLevels.from(SkillFrameworkIntegrityTest.fixture("levels/broken.ttl"));
    assertThat(broken.integrityProblems())
        .anySatisfy(p -> assertThat(p).contains("kosen: has 0 skos:notation"))
        .anySatisfy(p -> assertThat(p).contains("kosen: has 0 skos:prefLabel in 'ja'"))
        .anySatisfy(p -> assertThat(p).contains("level9 is not an ISCED 2011 level IRI"));
    assertThat(broken.byNotation("graduate").orElseThrow().iscedMatches()).isEmpty();
  }

  @Test
  void iscedMatchRejectsIrisThatAreNotIscedLevels() {
    assertThatThrownBy(
            () ->
                new IscedMatch(
                    MappingRelation.EXACT, "https://w3id.org/kim/educationalLevel/level_6"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new IscedMatch(MappingRelation.EXACT, ISCED + "9"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new IscedMatch(MappingRelation.CLOSE, ISCED + "0").level()).isZero();
  }
}
