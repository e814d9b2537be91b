package network.baton.node.search;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import network.baton.node.store.NodeDataset;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;

/** The search fixtures (resources.trig, skills-mini.ttl) in a store, searched in-process. */
final class SearchFixture implements AutoCloseable {

  static final String R = "http://node.test/resources/";
  static final String SCHEMA = "http://schema.org/";
  static final String CC_BY = "https://creativecommons.org/licenses/by/4.0/";

  final NodeDataset store;
  LocalSearch search;

  private SearchFixture(NodeDataset store, LocalSearch search) {
    this.store = store;
    this.search = search;
  }

  /** Loads the fixtures into a new store in dataDir. */
  static SearchFixture open(Path dataDir) {
    NodeDataset store = NodeDataset.open(dataDir);
    DatasetGraph dsg = store.datasetGraph();
    Txn.executeWrite(dsg, () -> RDFDataMgr.read(dsg, fixture("resources.trig")));
    Graph skills = RDFDataMgr.loadGraph(fixture("skills-mini.ttl"));
    return new SearchFixture(store, new LocalSearch(store, SkillHierarchy.fromSkos(skills)));
  }

  /** Searches with the query parameters given as name, value, name, value... */
  SearchResult search(String... pairs) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      params.computeIfAbsent(pairs[i], k -> new ArrayList<>()).add(pairs[i + 1]);
    }
    return search.search(SearchQuery.parse(params));
  }

  /** Closes the search and opens another on the same store, as a restarted node would. */
  void reopen(SkillHierarchy skills) {
    search.close();
    search = new LocalSearch(store, skills);
  }

  static List<String> iris(SearchResult result) {
    return result.hits().stream().map(SearchHit::iri).toList();
  }

  @Override
  public void close() {
    search.close();
    store.close();
  }

  private static String fixture(String name) {
    return Path.of("src/test/resources/fixtures/search", name).toString();
  }
}
