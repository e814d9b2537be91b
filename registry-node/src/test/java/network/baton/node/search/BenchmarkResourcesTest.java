package network.baton.node.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import network.baton.node.store.NodeDataset;
import network.baton.vocab.SampleContent;
import network.baton.vocab.SkillFramework;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class BenchmarkResourcesTest {

  private static final String BASE = "http://bench.test/";

  private final BenchmarkResources resources =
      BenchmarkResources.fromSample(SampleContent.create(), BASE);

  @Test
  void copiesAreDistinctResourcesWithNumberedNames() {
    List<BenchmarkResources.Generated> made =
        resources.generate(resources.templateCount() + 5).toList();

    assertThat(made)
        .extracting(BenchmarkResources.Generated::iri)
        .doesNotHaveDuplicates()
        .allMatch(iri -> iri.startsWith(BASE + "resources/gen-"));
    BenchmarkResources.Generated first = made.get(0);
    BenchmarkResources.Generated again = made.get(resources.templateCount());
    assertThat(names(again)).isNotEqualTo(names(first));
    assertThat(names(again)).allMatch(n -> n.endsWith(" " + resources.templateCount()));
  }

  @Test
  void sameNumberGivesTheSameResource() {
    assertThat(resources.resource(42).graph().isIsomorphicWith(resources.resource(42).graph()))
        .isTrue();
    assertThat(resources.resource(42).iri()).isEqualTo(resources.resource(42).iri());
  }

  @Test
  void generatedResourcesAreSearchable(@TempDir Path dataDir) {
    int count = 2 * resources.templateCount();
    try (NodeDataset store = NodeDataset.open(dataDir)) {
      resources.writeTo(store.datasetGraph(), count, 50);
      try (LocalSearch search = new LocalSearch(store, SkillHierarchy.of(SkillFramework.load()))) {
        SearchResult all = search.search(SearchQuery.parse(java.util.Map.of()));
        SearchResult battery = search.search(SearchQuery.text("電池"));

        assertThat(all.total()).isEqualTo(count);
        assertThat(all.facets().skillArea()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(battery.total()).isGreaterThan(count / 4).isLessThan(count);
      }
    }
  }

  private static Set<String> names(BenchmarkResources.Generated r) {
    Graph g = r.graph();
    Node s = NodeFactory.createURI(r.iri());
    return g.find(s, SearchTerms.NAME, Node.ANY).toList().stream()
        .map(Triple::getObject)
        .map(Node::getLiteralLexicalForm)
        .collect(Collectors.toSet());
  }
}
