package network.baton.node.store;

import java.util.List;

/** A page of live resources ordered by id; nextCursor is null on the last page. */
public record ResourcePage(List<ResourceSummary> items, String nextCursor, long total) {
  public ResourcePage {
    items = List.copyOf(items);
  }
}
