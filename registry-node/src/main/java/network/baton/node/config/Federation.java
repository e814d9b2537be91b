package network.baton.node.config;

import java.time.Duration;
import java.util.List;
import network.baton.credential.keys.PublicKeyMaterial;
import network.baton.node.federation.Member;

/**
 * The node's place in a federation: the coordinator's keys that sign membership lists ({@code
 * coordinatorKeys}; none: not federated), the pause between pulls of the list ({@code
 * membershipSyncInterval}; zero disables) and the members to call until a list arrives ({@code
 * members}).
 */
public record Federation(
    List<PublicKeyMaterial> coordinatorKeys, Duration syncInterval, List<Member> members) {

  /** Default pause between pulls of the membership list from members (zero disables). */
  public static final Duration DEFAULT_SYNC_INTERVAL = Duration.ofSeconds(60);

  public Federation {
    coordinatorKeys = coordinatorKeys == null ? List.of() : List.copyOf(coordinatorKeys);
    syncInterval = syncInterval == null ? DEFAULT_SYNC_INTERVAL : syncInterval;
    if (syncInterval.isNegative()) {
      throw new ConfigException(
          "membershipSyncInterval must not be negative (0 disables): " + syncInterval);
    }
    members = List.copyOf(members == null ? List.of() : members);
    if (members.stream().map(Member::did).distinct().count() != members.size()) {
      throw new ConfigException("members must not name the same DID twice");
    }
  }

  /** No coordinator, the default sync interval, no members. */
  public static Federation defaults() {
    return new Federation(List.of(), null, List.of());
  }

  /** Whether the node takes part in federation (it has the coordinator's key to check lists). */
  public boolean federated() {
    return !coordinatorKeys.isEmpty();
  }

  /** A copy trusting these coordinator keys and pulling the membership list at this interval. */
  public Federation withMembership(List<PublicKeyMaterial> keys, Duration interval) {
    return new Federation(keys, interval, members);
  }

  /** A copy calling these members for federated search and SPARQL (until a membership list). */
  public Federation withMembers(List<Member> newMembers) {
    return new Federation(coordinatorKeys, syncInterval, newMembers);
  }
}
