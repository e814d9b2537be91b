package network.baton.credential.did;

/** A DID could not be resolved to a usable DID document; the message says why in plain words. */
public class DidResolutionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A failure with a plain-words message. */
  public DidResolutionException(String message) {
    super(message);
  }

  /** A failure with a plain-words message and its cause. */
  public DidResolutionException(String message, Throwable cause) {
    super(message, cause);
  }
}
