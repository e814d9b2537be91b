package network.baton.node.store;

import static java.util.Objects.requireNonNull;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;

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
}
