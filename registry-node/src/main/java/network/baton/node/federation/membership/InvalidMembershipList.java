package network.baton.node.federation.membership;

/** A membership list was refused; the message says why in one line. */
public class InvalidMembershipList extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A refusal with its reason. */
  public InvalidMembershipList(String reason) {
    super(reason);
  }
}
