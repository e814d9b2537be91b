package network.baton.credential.status;

/**
 * A status list (its encodedList or its credential) cannot be used; the message says why in plain
 * words.
 */
public final class StatusListException extends Exception {

  /** Creates the exception with a plain-words reason. */
  public StatusListException(String message) {
    super(message);
  }

  /** Creates the exception with a plain-words reason and its cause. */
  public StatusListException(String message, Throwable cause) {
    super(message, cause);
  }
}
