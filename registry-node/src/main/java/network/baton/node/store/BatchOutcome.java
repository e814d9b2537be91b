package network.baton.node.store;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * What became of one draft of a batch write: the stored resource, or the store's refusal (IRI
 * taken, deleted, not the node's); exactly one of the two is present.
 */
public record BatchOutcome(ResourceDraft draft, StoredResource stored, StoreException refusal) {
  public BatchOutcome {
    requireNonNull(draft, "draft");
    if ((stored == null) == (refusal == null)) {
      throw new IllegalArgumentException("an outcome is either stored or refused, not both");
    }
  }

  /** The draft was stored. */
  public static BatchOutcome stored(ResourceDraft draft, StoredResource stored) {
    return new BatchOutcome(draft, requireNonNull(stored, "stored"), null);
  }

  /** The store refused the draft; nothing of it was written. */
  public static BatchOutcome refused(ResourceDraft draft, StoreException refusal) {
    return new BatchOutcome(draft, null, requireNonNull(refusal, "refusal"));
  }

  /** The stored resource, when the draft was stored. */
  public Optional<StoredResource> storedResource() {
    return Optional.ofNullable(stored);
  }
}
