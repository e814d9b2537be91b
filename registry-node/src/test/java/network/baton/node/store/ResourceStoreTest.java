package network.baton.node.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import network.baton.node.resources.ResourceReader;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ResourceStoreTest {

  private static final ResourceIds IDS = new ResourceIds("http://node.test");

  /** A reader of Turtle (JSON-LD is not read in these tests). */
  private final ResourceReader reader =
      new ResourceReader(IDS, (json, base) -> GraphFactory.createDefaultGraph());

  @TempDir Path folder;

  @Test
  void storedResourceSurvivesCloseAndReopenWithVersionAndChangeLog() {
    try (ResourceStore store = open()) {
      store.create(draft("Battery Safety Basics"));
      store.create(draft("Battery Safety Basics"));
    }

    try (ResourceStore store = open()) {
      StoredResource first = store.get("battery-safety-basics");
      assertThat(first.version()).isEqualTo(1);
      assertThat(
              first
                  .graph()
                  .contains(NodeFactory.createURI(first.iri()), RDF.type.asNode(), Node.ANY))
          .isTrue();
      assertThat(store.count()).isEqualTo(2);
      assertThat(store.changes(0, 10).changes()).hasSize(2);
      assertThat(store.list(10, null).items())
          .extracting(ResourceSummary::id)
          .hasSize(2)
          .contains("battery-safety-basics")
          .anyMatch(id -> id.startsWith("battery-safety-basics-"));
    }
  }

  @Test
  void japaneseOnlyNameGetsAShortRandomId() {
    try (ResourceStore store = open()) {
      StoredResource stored = store.create(draftNamed("電池の安全", "ja"));

      assertThat(stored.id()).matches("[0-9a-f]{8}");
    }
  }

  @Test
  void idsAreCheckedAndSlugsAreReadable() {
    assertThat(ResourceIds.slug("Électrode: Coating & Drying (Basics)"))
        .isEqualTo("electrode-coating-drying-basics");
    assertThat(ResourceIds.isValidId("kosen-ec101")).isTrue();
    assertThat(ResourceIds.isValidId("../etc")).isFalse();
    assertThat(ResourceIds.isValidId("a/b")).isFalse();
    assertThat(IDS.idOf("http://node.test/resources/x")).hasValue("x");
    assertThat(IDS.idOf("http://other.test/resources/x")).isEmpty();
    try (ResourceStore store = open()) {
      assertThatThrownBy(() -> store.get("../x"))
          .isInstanceOf(StoreException.class)
          .extracting(e -> ((StoreException) e).kind())
          .isEqualTo(StoreException.Kind.NOT_FOUND);
    }
  }

  @Test
  void foreignSubjectIriIsRefusedBeforeAnythingIsStored() {
    assertRefused(
        "<http://elsewhere.test/x> a <http://schema.org/Course> ; <http://schema.org/name> \"x\"@en .",
        "must be under http://node.test/resources/");
  }

  @Test
  void documentWithTwoTopLevelResourcesIsRefused() {
    assertRefused(
        "<resources/a> a <http://schema.org/Course> . <resources/b> a <http://schema.org/Course> .",
        "one resource per request");
  }

  private void assertRefused(String turtle, String reason) {
    assertThatThrownBy(() -> reader.read(turtle, Lang.TURTLE))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(reason);
  }

  @Test
  void courseWithModulesPointingBackKeepsTheCourseAsSubject() {
    String turtle =
        "@prefix s: <http://schema.org/> .\n"
            + "<resources/course> a s:Course ; s:hasPart _:m .\n"
            + "_:m a s:Course ; s:isPartOf <resources/course> .";

    assertThat(reader.read(turtle, Lang.TURTLE).requestedId()).isEqualTo("course");
  }

  private ResourceStore open() {
    return ResourceStore.openTdb2(folder, IDS, "did:web:node.test");
  }

  private static ResourceDraft draft(String englishName) {
    return draftNamed(englishName, "en");
  }

  private static ResourceDraft draftNamed(String name, String lang) {
    Graph graph = GraphFactory.createDefaultGraph();
    Node subject = NodeFactory.createBlankNode();
    graph.add(
        Triple.create(
            subject, RDF.type.asNode(), NodeFactory.createURI("http://schema.org/Course")));
    graph.add(
        Triple.create(
            subject,
            NodeFactory.createURI("http://schema.org/name"),
            NodeFactory.createLiteralLang(name, lang)));
    return new ResourceDraft(graph, subject, null, name);
  }
}
