package network.baton.vocab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class VocabularyConstantsTest {

  @Test
  void schemaTermsUseTheHttpNamespace() {
    assertThat(Schema.Course.getURI()).isEqualTo("http://schema.org/Course");
    assertThat(Schema.teaches.getURI()).isEqualTo("http://schema.org/teaches");
    assertThat(Schema.NS_HTTPS).isEqualTo("https://schema.org/");
  }

  @Test
  void skillIrisAreBuiltFromWellFormedNotationsOnly() {
    assertThat(Skills.concept("MFG-COAT").getURI())
        .isEqualTo("https://w3id.org/baton/skill/MFG-COAT");
    assertThat(Skills.SCHEME.getURI()).isEqualTo(Skills.NS);
    for (String bad : new String[] {"mfg", "MFG-", "-MFG", "MFG COAT", "", "MFG/../x"}) {
      assertThatThrownBy(() -> Skills.concept(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> Skills.iri(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void levelConstantsNameTheBundledLevels() {
    EducationalLevels levels = EducationalLevels.load();
    for (Resource level :
        new Resource[] {
          Levels.TECHNICAL_HIGH_SCHOOL,
          Levels.KOSEN,
          Levels.UNDERGRADUATE,
          Levels.GRADUATE,
          Levels.PROFESSIONAL
        }) {
      assertThat(levels.contains(level.getURI())).as(level.getURI()).isTrue();
    }
  }

  @Test
  void lrtConstantsAreConceptsOfTheLrmiScheme() throws IllegalAccessException {
    Graph lrmi = SkillFrameworkIntegrityTest.fixture("refs/lrmi-learningResourceType.ttl");
    int checked = 0;
    for (Field field : Lrt.class.getFields()) {
      if (field.get(null) instanceof Resource concept && !concept.equals(Lrt.SCHEME)) {
        assertThat(lrmi.contains(concept.asNode(), RDF.type.asNode(), SKOS.Concept.asNode()))
            .as(field.getName())
            .isTrue();
        checked++;
      }
    }
    assertThat(checked).isEqualTo(10);
    assertThat(lrmi.contains(Lrt.SCHEME.asNode(), RDF.type.asNode(), SKOS.ConceptScheme.asNode()))
        .isTrue();
  }

  @Test
  void vocabularyGraphUnitesOntologySkillsAndLevels() {
    Graph all = VocabResources.vocabulary();
    assertThat(all.contains(Baton.OpenLicense.asNode(), Node.ANY, Node.ANY)).isTrue();
    assertThat(
            all.contains(
                Skills.concept("MFG").asNode(), SKOS.topConceptOf.asNode(), Skills.SCHEME.asNode()))
        .isTrue();
    assertThat(all.contains(Levels.KOSEN.asNode(), SKOS.inScheme.asNode(), Levels.SCHEME.asNode()))
        .isTrue();
  }

  @Test
  void missingVocabularyFileIsReportedByName() {
    assertThatThrownBy(() -> VocabResources.load("baton/nothing-here.ttl"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("baton/nothing-here.ttl");
  }
}
