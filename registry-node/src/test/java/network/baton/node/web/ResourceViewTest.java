package network.baton.node.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import network.baton.node.http.NodePrefixes;
import network.baton.node.web.SearchView.Link;
import network.baton.vocab.EducationalLevels;
import network.baton.vocab.SkillFramework;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;

class ResourceViewTest {

  private static final String IRI = "http://node.test/resources/c1";

  private static final Labels LABELS =
      new Labels(SkillFramework.load(), EducationalLevels.load(), new Messages());

  private static ResourceView view(String turtle, PageLanguage language) {
    Graph graph = GraphFactory.createDefaultGraph();
    RDFParser.fromString("@prefix schema: <http://schema.org/> .\n" + turtle, Lang.TURTLE)
        .parse(graph);
    return ResourceView.of(
        graph, IRI, LABELS, language, iri -> Optional.empty(), NodePrefixes.standard());
  }

  @Test
  void showsNameAndSkillsInThePageLanguage() {
    ResourceView view =
        view(
            "<"
                + IRI
                + "> a schema:Course ; schema:name \"電気化学\"@ja , \"Electrochemistry\"@en ;"
                + " schema:teaches <https://w3id.org/baton/skill/ECH> ;"
                + " schema:license <https://creativecommons.org/licenses/by/4.0/> .",
            PageLanguage.JA);
    assertThat(view.title()).isEqualTo("電気化学");
    assertThat(view.otherNames()).containsExactly("Electrochemistry");
    assertThat(view.types()).containsExactly("科目");
    assertThat(view.teaches()).containsExactly(new Link("電気化学", "/skills/ECH"));
    assertThat(view.licenses())
        .containsExactly(new Link("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"));
  }

  @Test
  void nonHttpIrisFromTheDataAreNeverLinks() {
    ResourceView view =
        view(
            "<"
                + IRI
                + "> schema:name \"x\"@en ; schema:url <javascript:alert(1)> ;"
                + " schema:license <data:text/html,boom> ; schema:isPartOf <javascript:void(0)> .",
            PageLanguage.EN);
    assertThat(view.statements())
        .filteredOn(s -> s.value().contains("javascript") || s.value().contains("data:"))
        .isNotEmpty()
        .allSatisfy(s -> assertThat(s.href()).isNull());
    assertThat(view.licenses()).allSatisfy(l -> assertThat(l.href()).isNull());
    assertThat(view.partOf()).allSatisfy(l -> assertThat(l.href()).isNull());
  }
}
