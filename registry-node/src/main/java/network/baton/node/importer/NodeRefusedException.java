package network.baton.node.importer;

/**
 * The node cannot be used for the import at all: unreachable, not a BATON node, or the token is
 * refused.
 */
public class NodeRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A refusal with a message for the user. */
  public NodeRefusedException(String message) {
    super(message);
  }
}
