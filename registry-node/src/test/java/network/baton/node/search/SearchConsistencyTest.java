package network.baton.node.search;

import static network.baton.node.search.SearchFixture.CC_BY;
import static network.baton.node.search.SearchFixture.R;
import static network.baton.node.search.SearchFixture.SCHEMA;
import static network.baton.node.search.SearchFixture.iris;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import network.baton.node.store.NodeDataset;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class SearchConsistencyTest {

  @TempDir Path dataDir;

  private SearchFixture fixture;
  private NodeDataset store;

  @BeforeEach
  void load() {
    fixture = SearchFixture.open(dataDir);
    store = fixture.store;
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void pagingWithTheCursorReturnsEveryHitExactlyOnce() {
    addNumberedCourses(23);
    List<String> all = iris(search("q", "module", "limit", "100"));
    assertThat(all).hasSize(23);

    List<String> paged = pageThrough(Map.of("q", List.of("module")), 5);

    assertThat(paged).containsExactlyElementsOf(all);
  }

  @Test
  void pagingByNameReturnsEveryResourceExactlyOnce() {
    addNumberedCourses(11);
    List<String> all = iris(search("limit", "100"));

    List<String> paged = pageThrough(Map.of(), 4);

    assertThat(paged).hasSize(18).doesNotHaveDuplicates().containsExactlyElementsOf(all);
  }

  @Test
  void addedResourceIsFoundAfterCommit() {
    putCourse("new-course", "Battery pack assembly", "en");

    assertThat(iris(search("q", "assembly"))).containsExactly(R + "new-course");
  }

  @Test
  void updatedResourceIsFoundByItsNewTextOnly() {
    putCourse("new-course", "Battery pack assembly", "en");
    putCourse("new-course", "Cell formation and aging", "en");

    assertThat(iris(search("q", "assembly"))).isEmpty();
    assertThat(iris(search("q", "formation"))).containsExactly(R + "new-course");
  }

  @Test
  void deletedResourceIsNoLongerFound() {
    DatasetGraph dsg = store.datasetGraph();
    Txn.executeWrite(dsg, () -> dsg.removeGraph(NodeFactory.createURI(R + "battery-safety")));

    assertThat(iris(search("q", "電池"))).containsExactly(R + "liion-basics");
    assertThat(iris(search("q", "熱暴走"))).isEmpty();
  }

  @Test
  void rebuildRestoresSearchAfterTheIndexIsLost() {
    try {
      store.textIndex().getIndexWriter().deleteAll();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    store.textIndex().commit();
    assertThat(iris(search("q", "電池"))).isEmpty();

    store.rebuild();

    assertThat(iris(search("q", "電池"))).contains(R + "battery-safety", R + "liion-basics");
  }

  @Test
  void filtersAndFacetsFollowAnUpdate() {
    Node g = NodeFactory.createURI(R + "slurry-mixing");
    Node level = uri(SCHEMA + "educationalLevel");
    DatasetGraph dsg = store.datasetGraph();
    Txn.executeWrite(
        dsg,
        () -> {
          dsg.deleteAny(g, g, level, Node.ANY);
          dsg.add(g, g, level, uri("https://w3id.org/baton/level/graduate"));
        });

    SearchResult graduate = search("level", "level:graduate");
    assertThat(iris(graduate)).containsExactly(R + "slurry-mixing");
    assertThat(graduate.facets().level()).containsOnlyKeys("https://w3id.org/baton/level/graduate");
    assertThat(search().facets().level())
        .containsEntry("https://w3id.org/baton/level/undergraduate", 1L);
  }

  @Test
  void abortedWriteChangesNoResult() {
    DatasetGraph dsg = store.datasetGraph();
    Node g = NodeFactory.createURI(R + "battery-safety");
    dsg.begin(org.apache.jena.query.ReadWrite.WRITE);
    dsg.removeGraph(g);
    putCourse("never", "Never committed assembly", "en");
    dsg.abort();
    dsg.end();

    assertThat(iris(search("q", "熱暴走"))).containsExactly(R + "battery-safety");
    assertThat(iris(search("q", "assembly"))).isEmpty();
    assertThat(search().total()).isEqualTo(7);
  }

  @Test
  void searchOpenedOnAnExistingStoreFindsWhatWasThere() {
    putCourse("new-course", "Battery pack assembly", "en");
    fixture.reopen(SkillHierarchy.none());

    assertThat(iris(search("q", "assembly"))).containsExactly(R + "new-course");
    assertThat(search("skill", "skill:SAF-FIRE").total()).isEqualTo(1);
  }

  @Test
  void textIndexedBeforeTheGraphBecameAResourceIsFoundOnceItIs() {
    Node g = NodeFactory.createURI(R + "late-course");
    addQuad(g, uri(SCHEMA + "name"), NodeFactory.createLiteralLang("Electrolyte filling", "en"));
    // The search maps the segment holding that name now, while the graph is no resource yet.
    assertThat(iris(search("q", "electrolyte filling"))).isEmpty();

    addQuad(g, uri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), uri(SCHEMA + "Course"));

    assertThat(iris(search("q", "electrolyte filling"))).containsExactly(R + "late-course");
  }

  @Test
  void textSearchFacetsCountANewValueAfterAWriteAndDropItAfterTheDelete() {
    String newLicence = "https://example.org/licences/new-one";
    SearchResult before = search("q", "battery");
    assertThat(before.facets().license()).doesNotContainKey(newLicence);
    Node g = NodeFactory.createURI(R + "new-licence-course");
    DatasetGraph dsg = store.datasetGraph();
    Txn.executeWrite(
        dsg,
        () -> {
          dsg.add(
              g, g, uri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), uri(SCHEMA + "Course"));
          dsg.add(
              g, g, uri(SCHEMA + "name"), NodeFactory.createLiteralLang("Battery recycling", "en"));
          dsg.add(g, g, uri(SCHEMA + "license"), uri(newLicence));
          dsg.add(g, g, uri(SCHEMA + "inLanguage"), NodeFactory.createLiteralString("en"));
        });

    SearchResult added = search("q", "battery");
    assertThat(added.total()).isEqualTo(before.total() + 1);
    assertThat(added.facets().license()).containsEntry(newLicence, 1L);
    long englishBefore = before.facets().language().getOrDefault("en", 0L);
    assertThat(added.facets().language()).containsEntry("en", englishBefore + 1);
    assertThat(search("q", "battery", "license", newLicence).hits())
        .extracting(SearchHit::iri)
        .containsExactly(R + "new-licence-course");

    Txn.executeWrite(dsg, () -> dsg.removeGraph(g));

    SearchResult deleted = search("q", "battery");
    assertThat(deleted.total()).isEqualTo(before.total());
    assertThat(deleted.facets()).isEqualTo(before.facets());
  }

  @Test
  void scoresOfAResourceWhoseTextSpansSegmentsAreSummed() {
    putCourse("spanning", "Battery pack assembly", "en");
    double nameOnly = search("q", "assembly").hits().get(0).score();
    Node g = NodeFactory.createURI(R + "spanning");
    // A second commit puts the description in a newer segment than the name.
    addQuad(
        g,
        uri(SCHEMA + "description"),
        NodeFactory.createLiteralLang("Hands-on assembly of modules", "en"));

    List<SearchHit> hits = search("q", "assembly").hits();
    assertThat(hits).extracting(SearchHit::iri).containsExactly(R + "spanning");
    assertThat(hits.get(0).score()).isGreaterThan(nameOnly);
  }

  private List<String> pageThrough(Map<String, List<String>> base, int limit) {
    List<String> seen = new ArrayList<>();
    Set<String> cursors = new HashSet<>();
    String cursor = null;
    do {
      Map<String, List<String>> params = new LinkedHashMap<>(base);
      params.put("limit", List.of(Integer.toString(limit)));
      if (cursor != null) {
        params.put("cursor", List.of(cursor));
      }
      SearchResult page = fixture.search.search(SearchQuery.parse(params));
      assertThat(page.hits().size()).isLessThanOrEqualTo(limit);
      page.hits().forEach(h -> seen.add(h.iri()));
      cursor = page.nextCursor();
      assertThat(cursor == null || cursors.add(cursor)).as("cursor repeats").isTrue();
    } while (cursor != null);
    return seen;
  }

  private void addNumberedCourses(int n) {
    DatasetGraph dsg = store.datasetGraph();
    Txn.executeWrite(
        dsg,
        () -> {
          for (int i = 0; i < n; i++) {
            // Identical names give identical scores: the IRI must break the tie.
            putCourse(String.format("module-%02d", i), "Battery module", "en");
          }
        });
  }

  private void putCourse(String id, String name, String lang) {
    Node g = NodeFactory.createURI(R + id);
    DatasetGraph dsg = store.datasetGraph();
    Txn.executeWrite(
        dsg,
        () -> {
          dsg.removeGraph(g);
          dsg.add(
              g, g, uri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), uri(SCHEMA + "Course"));
          dsg.add(g, g, uri(SCHEMA + "name"), NodeFactory.createLiteralLang(name, lang));
          dsg.add(g, g, uri(SCHEMA + "license"), uri(CC_BY));
          dsg.add(g, g, uri(SCHEMA + "inLanguage"), NodeFactory.createLiteralString(lang));
        });
  }

  /** Adds the triple about g to g's own graph, in a write transaction of its own. */
  private void addQuad(Node g, Node property, Node value) {
    DatasetGraph dsg = store.datasetGraph();
    Txn.executeWrite(dsg, () -> dsg.add(g, g, property, value));
  }

  private SearchResult search(String... pairs) {
    return fixture.search(pairs);
  }

  private static Node uri(String iri) {
    return NodeFactory.createURI(iri);
  }
}
