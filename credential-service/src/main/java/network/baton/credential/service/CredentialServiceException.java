package network.baton.credential.service;

import static java.util.Objects.requireNonNull;

/** A request the credential service cannot carry out, by kind, with a reason in plain words. */
public class CredentialServiceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, so the HTTP layer can pick a status. */
  public enum Kind {
    /** The request contradicts the issuer's configuration (e.g. names another issuer). */
    BAD_REQUEST,
    /** No such credential or status list. */
    NOT_FOUND,
    /** The request contradicts the current state (e.g. unsuspending a revoked credential). */
    CONFLICT,
    /** The request is well-formed but cannot be carried out (unknown course, wrong key type). */
    UNPROCESSABLE
  }

  private final Kind kind;

  /** A failure of this kind. */
  public CredentialServiceException(Kind kind, String message) {
    super(message);
    this.kind = requireNonNull(kind, "kind");
  }

  /** What went wrong. */
  public Kind kind() {
    return kind;
  }
}
