package network.baton.node.federation.search;

import static java.util.Objects.requireNonNull;

import network.baton.node.federation.Member;

/** What one member gave in a fan-out: its status and, when ok, its answer. */
public record MemberAnswer<T>(Member member, MemberStatus status, T value) {
  public MemberAnswer {
    requireNonNull(member, "member");
    requireNonNull(status, "status");
    if ((status.state() == MemberState.OK) != (value != null)) {
      throw new IllegalArgumentException("an answer is present exactly when the member is ok");
    }
  }

  /** Whether the member answered. */
  public boolean ok() {
    return status.state() == MemberState.OK;
  }
}
