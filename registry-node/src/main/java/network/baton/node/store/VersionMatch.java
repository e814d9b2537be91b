package network.baton.node.store;

import java.util.Set;

/**
 * What an {@code If-Match} precondition accepts, in the store's terms: any current version ({@code
 * *}) or the versions its entity tags name (none when they name none of this node's).
 */
public record VersionMatch(boolean anyVersion, Set<Long> versions) {
  public VersionMatch {
    versions = Set.copyOf(versions);
  }

  /** Whether a resource at this version meets the precondition. */
  public boolean accepts(long version) {
    return anyVersion || versions.contains(version);
  }
}
