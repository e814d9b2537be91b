package network.baton.node.store;

/** A request the store refuses: what kind of refusal, with a message for the client. */
public class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the store refused. */
  public enum Kind {
    /** No resource with that id was ever stored. */
    NOT_FOUND,
    /** The resource was deleted; a tombstone remains. */
    GONE,
    /** The IRI is already taken. */
    CONFLICT,
    /** The If-Match ETag no longer matches. */
    PRECONDITION_FAILED,
    /** The input is well-formed but cannot be a resource (no subject, several subjects, ...). */
    INVALID
  }

  private final Kind kind;

  /** A refusal of the given kind. */
  public StoreException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  /** The kind of refusal. */
  public Kind kind() {
    return kind;
  }
}
