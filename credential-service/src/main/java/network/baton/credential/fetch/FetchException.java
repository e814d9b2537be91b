package network.baton.credential.fetch;

import static java.util.Objects.requireNonNull;

import java.io.IOException;

/** A fetch that did not bring a document back; the message says why in plain words. */
public class FetchException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Why a fetch failed. */
  public enum Kind {
    /** The fetch policy does not allow this URL or the address it leads to. */
    REFUSED,
    /** No complete answer within the deadline. */
    TIMEOUT,
    /** The answer passed the size limit. */
    TOO_LARGE,
    /** Anything else: no connection, a broken answer, too many fetches at once. */
    FAILED
  }

  private final Kind kind;

  /** A failure of this kind. */
  public FetchException(Kind kind, String message) {
    this(kind, message, null);
  }

  /** A failure of this kind with its cause. */
  public FetchException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = requireNonNull(kind, "kind");
  }

  /** Why the fetch failed. */
  public Kind kind() {
    return kind;
  }
}
