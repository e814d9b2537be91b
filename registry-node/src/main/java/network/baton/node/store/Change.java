package network.baton.node.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** One entry of the node's change log, numbered from 1 in the order writes committed. */
public record Change(long sequence, String iri, ChangeAction action, Instant at) {
  public Change {
    requireNonNull(iri, "iri");
    requireNonNull(action, "action");
    requireNonNull(at, "at");
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence starts at 1: " + sequence);
    }
  }
}
