package network.baton.node.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import network.baton.node.store.NodeDataset;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class SearchConsistencyTest {

  private static final String R = "http://node.test/resources/";
  private static final String SCHEMA = "http://schema.org/";
  private static final String CC_BY = "https://creativecommons.org/licenses/by/4.0/";

  @TempDir Path dataDir;

  private NodeDataset store;
  private LocalSearch search;

  @BeforeEach
  void load() {
    store = NodeDataset.open(dataDir);
    DatasetGraph dsg = store.datasetGraph();
    Txn.executeWrite(dsg, () -> RDFDataMgr.read(dsg, fixture("resources.trig")));
    Graph skills = RDFDataMgr.loadGraph(fixture("skills-mini.ttl"));
    search = new LocalSearch(store, SkillHierarchy.fromSkos(skills));
  }

  @AfterEach
  void close() {
    search.close();
    store.close();
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
    search.close();
    search = new LocalSearch(store, SkillHierarchy.none());

    assertThat(iris(search("q", "assembly"))).containsExactly(R + "new-course");
    assertThat(search("skill", "skill:SAF-FIRE").total()).isEqualTo(1);
  }

  @Test
  void textIndexedBeforeTheGraphBecameAResourceIsFoundOnceItIs() {
    Node g = NodeFactory.createURI(R + "late-course");
    DatasetGraph dsg = store.datasetGraph();
    Txn.executeWrite(
        dsg,
        () ->
            dsg.add(
                g,
                g,
                uri(SCHEMA + "name"),
                NodeFactory.createLiteralLang("Electrolyte filling", "en")));
    // The search maps the segment holding that name now, while the graph is no resource yet.
    assertThat(iris(search("q", "electrolyte filling"))).isEmpty();

    Txn.executeWrite(
        dsg,
        () ->
            dsg.add(
                g,
                g,
                uri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                uri(SCHEMA + "Course")));

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
    DatasetGraph dsg = store.datasetGraph();
    // A second commit puts the description in a newer segment than the name.
    Txn.executeWrite(
        dsg,
        () ->
            dsg.add(
                g,
                g,
                uri(SCHEMA + "description"),
                NodeFactory.createLiteralLang("Hands-on assembly of modules", "en")));

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
      SearchResult page = search.search(SearchQuery.parse(params));
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

  private static Node uri(String iri) {
    return NodeFactory.createURI(iri);
  }

  private SearchResult search(String... pairs) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      params.computeIfAbsent(pairs[i], k -> new ArrayList<>()).add(pairs[i + 1]);
    }
    return search.search(SearchQuery.parse(params));
  }

  private static List<String> iris(SearchResult result) {
    return result.hits().stream().map(SearchHit::iri).toList();
  }

  private static String fixture(String name) {
    return Path.of("src/test/resources/fixtures/search", name).toString();
  }
}
