package network.baton.credential.integrity;

/**
 * A JSON-LD document could not be turned into canonical N-Quads; the message says why in plain
 * words.
 */
public final class CanonicalizationException extends Exception {

  /** Creates the exception with a plain-words reason. */
  public CanonicalizationException(String message) {
    super(message);
  }

  /** Creates the exception with a plain-words reason and its cause. */
  public CanonicalizationException(String message, Throwable cause) {
    super(message, cause);
  }
}
