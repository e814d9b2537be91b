package network.baton.credential.keys;

/** A key file could not be created, read or decrypted; the message says why in plain words. */
public class KeyFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A failure with a plain-words message. */
  public KeyFileException(String message) {
    super(message);
  }

  /** A failure with a plain-words message and its cause. */
  public KeyFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
