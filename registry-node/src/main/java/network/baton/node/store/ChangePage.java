package network.baton.node.store;

import java.util.List;

/** A page of the change log after a sequence number, and the newest sequence number overall. */
public record ChangePage(List<Change> changes, long since, long latest) {
  public ChangePage {
    changes = List.copyOf(changes);
  }

  /** The sequence number to ask for the next page with. */
  public long next() {
    return changes.isEmpty() ? since : changes.get(changes.size() - 1).sequence();
  }

  /** Whether newer entries exist beyond this page. */
  public boolean hasMore() {
    return next() < latest;
  }
}
