package network.baton.node.federation;

import java.util.List;
import java.util.Optional;

/**
 * The members a node may call: those of the newest valid membership list it holds. A node never
 * contacts a URL that is not a member's.
 */
public interface MemberDirectory {

  /** The current members, in list order. */
  List<Member> members();

  /** The member with this DID, if it is one. */
  default Optional<Member> byDid(String did) {
    return members().stream().filter(m -> m.did().equals(did)).findFirst();
  }

  /** A fixed directory (tests, and nodes configured without a membership list). */
  static MemberDirectory of(List<Member> members) {
    List<Member> copy = List.copyOf(members);
    return () -> copy;
  }
}
