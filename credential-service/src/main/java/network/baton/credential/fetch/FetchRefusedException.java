package network.baton.credential.fetch;

import static java.util.Objects.requireNonNull;

/**
 * The fetch policy refused a URL or the address its host leads to; nothing was sent. The reason
 * reads after any subject: "{@code <subject> resolves to a loopback address (127.0.0.1), which this
 * node does not fetch from}".
 */
public final class FetchRefusedException extends FetchException {
  private static final long serialVersionUID = 1L;

  private final String subject;
  private final String reason;

  /** A refusal of {@code subject} (a host or URL) for {@code reason}. */
  public FetchRefusedException(String subject, String reason) {
    super(
        Kind.REFUSED, requireNonNull(subject, "subject") + " " + requireNonNull(reason, "reason"));
    this.subject = subject;
    this.reason = reason;
  }

  /** What was refused: the host or the URL. */
  public String subject() {
    return subject;
  }

  /** The reason, without the subject, e.g. "resolves to a loopback address (127.0.0.1), ...". */
  public String reason() {
    return reason;
  }

  /** The reason told about another subject, e.g. the DID whose document was to be fetched. */
  public String describe(String about) {
    return about + " " + reason;
  }
}
