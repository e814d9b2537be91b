package network.baton.vocab;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class OntologyTest {

  private static Model ontology;

  @BeforeAll
  static void parse() {
    ontology = ModelFactory.createModelForGraph(VocabResources.ontology());
  }

  private static List<Resource> batonTerms() {
    List<Resource> terms = new ArrayList<>();
    ontology
        .listSubjects()
        .filterKeep(r -> r.isURIResource() && r.getURI().startsWith(Baton.NS))
        .forEach(terms::add);
    return terms;
  }

  @Test
  void ontologyDeclaresItself() {
    assertThat(ontology.contains(Baton.ONTOLOGY, RDF.type, OWL.Ontology)).isTrue();
  }

  @Test
  void everyTermHasLabelsAndAJustifyingCommentInEnglishAndJapanese() {
    assertThat(batonTerms()).hasSizeGreaterThanOrEqualTo(6);
    for (Resource term : batonTerms()) {
      for (String lang : List.of("en", "ja")) {
        assertThat(term.listProperties(RDFS.label).toList())
            .as("%s rdfs:label@%s", term, lang)
            .anySatisfy(s -> assertThat(s.getLiteral().getLanguage()).isEqualTo(lang));
        assertThat(term.listProperties(RDFS.comment).toList())
            .as("%s rdfs:comment@%s", term, lang)
            .anySatisfy(s -> assertThat(s.getLiteral().getLanguage()).isEqualTo(lang));
      }
    }
  }

  @Test
  void everyBatonConstantIsDefinedInTheOntology() throws IllegalAccessException {
    for (Field field : Baton.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.get(null) instanceof Resource term) {
        assertThat(ontology.contains(term, RDF.type)).as(field.getName()).isTrue();
      }
    }
  }

  @Test
  void openLicencesIncludeBothSchemesOfEveryCreativeCommonsIri() {
    List<String> open = new ArrayList<>();
    ontology
        .listSubjectsWithProperty(RDF.type, Baton.OpenLicense)
        .forEach(r -> open.add(r.getURI()));
    for (String path :
        List.of(
            "publicdomain/zero/1.0/",
            "licenses/by/4.0/",
            "licenses/by-sa/4.0/",
            "licenses/by/2.1/jp/",
            "licenses/by-sa/2.1/jp/")) {
      assertThat(open)
          .contains("https://creativecommons.org/" + path, "http://creativecommons.org/" + path);
    }
    assertThat(open).hasSize(10).doesNotContain("https://creativecommons.org/licenses/by-nc/4.0/");
  }
}
