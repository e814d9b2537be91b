package network.baton.node.store;

import static java.util.Objects.requireNonNull;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * A parsed resource about to be stored: its triples, its subject node, and whether the input named
 * an IRI of its own under the node's base ({@code requestedId}, else null so the store mints one).
 */
public record ResourceDraft(Graph graph, Node subject, String requestedId, String slugHint) {
  public ResourceDraft {
    requireNonNull(graph, "graph");
    requireNonNull(subject, "subject");
    slugHint = slugHint == null ? "" : slugHint;
  }

  /** The graph with the subject node replaced by iri wherever it occurs. */
  public Graph graphAbout(Node iri) {
    if (subject.equals(iri)) {
      return graph;
    }
    return GraphRewrite.of(
        graph,
        t ->
            Triple.create(
                t.getSubject().equals(subject) ? iri : t.getSubject(),
                t.getPredicate(),
                t.getObject().equals(subject) ? iri : t.getObject()));
  }
}
