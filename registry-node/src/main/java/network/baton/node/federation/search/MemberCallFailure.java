package network.baton.node.federation.search;

import static java.util.Objects.requireNonNull;

/** Why a call to one member gave no usable answer: the state to report and a reason. */
public final class MemberCallFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final MemberState state;

  /** A failure reported as {@code state} with {@code reason}. */
  public MemberCallFailure(MemberState state, String reason) {
    super(reason, null, false, false);
    this.state = requireNonNull(state, "state");
    if (state == MemberState.OK) {
      throw new IllegalArgumentException("a failure cannot be ok");
    }
  }

  /** The state this failure is reported as. */
  public MemberState state() {
    return state;
  }
}
