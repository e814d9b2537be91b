package network.baton.node.launch;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import network.baton.node.federation.Member;
import network.baton.node.federation.membership.MembershipList;

/**
 * An edition of a network's membership list: its version, the network's name, how long before now
 * it is valid from (a little slack for clocks) and for how long after.
 */
public record ListEdition(long version, String networkName, Duration backdated, Duration validity) {
  public ListEdition {
    if (version < 1) throw new IllegalArgumentException("a list version is at least 1: " + version);
    requireNonNull(networkName, "networkName");
    if (backdated.isNegative() || validity.isNegative() || validity.isZero()) {
      throw new IllegalArgumentException("a list is valid from before now to after now");
    }
  }

  /** Version {@code version} of the network "BATON", valid from a minute ago for 30 days. */
  public static ListEdition of(long version) {
    return new ListEdition(version, "BATON", Duration.ofSeconds(60), Duration.ofDays(30));
  }

  /** The list naming these members, valid from now on. */
  public MembershipList list(List<Member> members) {
    Instant now = Instant.now();
    return new MembershipList(
        version, now.minus(backdated), now.plus(validity), networkName, members);
  }
}
