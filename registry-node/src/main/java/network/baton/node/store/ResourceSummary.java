package network.baton.node.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** A live resource in a listing: id, IRI and when it last changed. */
public record ResourceSummary(String id, String iri, Instant modified, long version) {
  public ResourceSummary {
    requireNonNull(id, "id");
    requireNonNull(iri, "iri");
    requireNonNull(modified, "modified");
  }
}
