package network.baton.vocab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Checks skills.ttl with SPARQL, independently of the Java checks in {@link SkillFramework}. */
@Timeout(30)
class SkillsDataTest {

  private static final String PREFIXES =
      "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
          + "PREFIX skill: <https://w3id.org/baton/skill/>\n";

  private static Model skills;

  @BeforeAll
  static void parse() {
    skills = ModelFactory.createModelForGraph(VocabResources.skills());
  }

  private static List<String> select(String where) {
    List<String> found = new ArrayList<>();
    try (QueryExecution qe =
        QueryExecution.model(skills)
            .query(PREFIXES + "SELECT DISTINCT ?c WHERE { " + where + " } ORDER BY ?c")
            .build()) {
      qe.execSelect().forEachRemaining((QuerySolution s) -> found.add(s.get("c").toString()));
    }
    return found;
  }

  @Test
  void everyConceptHasExactlyOneJapaneseAndOneEnglishPrefLabel() {
    for (String lang : List.of("ja", "en")) {
      assertThat(
              select(
                  "?c a skos:Concept { SELECT ?c (COUNT(?l) AS ?n) WHERE { ?c a skos:Concept "
                      + "OPTIONAL { ?c skos:prefLabel ?l FILTER(lang(?l) = '"
                      + lang
                      + "') } } GROUP BY ?c } "
                      + "FILTER(?n != 1)"))
          .as("concepts without exactly one prefLabel@%s", lang)
          .isEmpty();
    }
  }

  @Test
  void everyConceptHasANotationEqualToItsIriLocalNameAndInTheScheme() {
    assertThat(select("?c a skos:Concept FILTER NOT EXISTS { ?c skos:inScheme skill: }")).isEmpty();
    assertThat(
            select(
                "?c a skos:Concept FILTER NOT EXISTS { ?c skos:notation ?n "
                    + "FILTER(STR(?c) = CONCAT(STR(skill:), STR(?n))) }"))
        .isEmpty();
    assertThat(select("?c skos:notation ?n . ?d skos:notation ?n FILTER(?c != ?d)")).isEmpty();
    assertThat(select("?c skos:notation ?n FILTER(!REGEX(?n, '^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$'))"))
        .isEmpty();
  }

  @Test
  void broaderHasNoCyclesAndEveryConceptReachesATopConcept() {
    assertThat(select("?c skos:broader+ ?c")).isEmpty();
    assertThat(
            select(
                "?c a skos:Concept FILTER NOT EXISTS { ?c skos:broader* ?top . "
                    + "?top skos:topConceptOf skill: . skill: skos:hasTopConcept ?top }"))
        .isEmpty();
  }

  @Test
  void broaderAndNarrowerAreStatedBothWays() {
    assertThat(select("?c skos:broader ?p FILTER NOT EXISTS { ?p skos:narrower ?c }")).isEmpty();
    assertThat(select("?c skos:narrower ?n FILTER NOT EXISTS { ?n skos:broader ?c }")).isEmpty();
  }

  @Test
  void everyConceptInTheSkillNamespaceIsTypedAsConcept() {
    assertThat(
            select(
                "{ ?c ?p ?o } UNION { ?s ?p ?c } FILTER(isIRI(?c) && STRSTARTS(STR(?c), STR(skill:)) "
                    + "&& ?c != skill:) FILTER NOT EXISTS { ?c a skos:Concept }"))
        .isEmpty();
  }

  @Test
  void schemeCarriesTitlesLicenceAndCreationDate() {
    var scheme = skills.getResource(Skills.NS);
    assertThat(scheme.hasProperty(RDF.type, SKOS.ConceptScheme)).isTrue();
    assertThat(
            scheme.hasProperty(
                DCTerms.title, skills.createLiteral("BATON battery skills framework", "en")))
        .isTrue();
    assertThat(scheme.listProperties(DCTerms.title).toList())
        .anySatisfy(s -> assertThat(s.getLiteral().getLanguage()).isEqualTo("ja"));
    assertThat(scheme.getPropertyResourceValue(DCTerms.license).getURI())
        .isEqualTo("https://creativecommons.org/licenses/by/4.0/");
    assertThat(scheme.hasProperty(DCTerms.created)).isTrue();
    assertThat(scheme.listProperties(SKOS.hasTopConcept).toList()).hasSize(8);
  }
}
