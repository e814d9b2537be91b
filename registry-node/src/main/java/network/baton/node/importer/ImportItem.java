package network.baton.node.importer;

import static java.util.Objects.requireNonNull;

import org.apache.jena.graph.Graph;

/** One resource cut out of an import file: where it came from, its IRI and its triples. */
public record ImportItem(String source, String iri, Graph graph) {
  public ImportItem {
    requireNonNull(source, "source");
    requireNonNull(iri, "iri");
    requireNonNull(graph, "graph");
  }
}
