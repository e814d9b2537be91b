package network.baton.node.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.apache.jena.graph.Graph;

/** A resource as stored: id, IRI, its graph (with provenance), version and times. */
public record StoredResource(
    String id, String iri, Graph graph, long version, Instant created, Instant modified) {
  public StoredResource {
    requireNonNull(id, "id");
    requireNonNull(iri, "iri");
    requireNonNull(graph, "graph");
    requireNonNull(created, "created");
    requireNonNull(modified, "modified");
    if (version < 1) {
      throw new IllegalArgumentException("version must be at least 1: " + version);
    }
  }
}
