package network.baton.node.resources;

import static java.util.Objects.requireNonNull;

import network.baton.node.store.StoredResource;

/**
 * One resource of a batch write, by the IRI it was sent under: stored, or refused with the failure
 * a single write would have answered (ValidationFailedException, StoreException).
 */
public record BatchResult(String iri, StoredResource stored, RuntimeException failure) {
  public BatchResult {
    requireNonNull(iri, "iri");
    if ((stored == null) == (failure == null)) {
      throw new IllegalArgumentException("a result is either stored or refused, not both");
    }
  }

  /** Whether the resource was stored (and committed). */
  public boolean isStored() {
    return stored != null;
  }
}
