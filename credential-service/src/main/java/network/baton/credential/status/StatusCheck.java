package network.baton.credential.status;

import static java.util.Objects.requireNonNull;

/** What a status check found, whether the credential passes, and why, in plain words. */
public record StatusCheck(Outcome outcome, boolean passed, String reason) {

  /** The kinds of answers a status check gives. */
  public enum Outcome {
    /** The bit is clear: neither revoked nor suspended. */
    ACTIVE,
    /** The bit is set in a revocation list. */
    REVOKED,
    /** The bit is set in a suspension list. */
    SUSPENDED,
    /** The credential has no credentialStatus. */
    NO_STATUS,
    /**
     * The status list could not be fetched; passes only when the checker is configured fail-open.
     */
    LIST_UNAVAILABLE,
    /**
     * The status list was fetched but is not valid (proof, type, dates, encoding, issuer, purpose).
     */
    LIST_INVALID,
    /** The credentialStatus entry itself is malformed, unsupported or points outside the list. */
    ENTRY_INVALID
  }

  public StatusCheck {
    requireNonNull(outcome, "outcome");
    requireNonNull(reason, "reason");
  }

  static StatusCheck of(Outcome outcome, String reason) {
    return new StatusCheck(
        outcome, outcome == Outcome.ACTIVE || outcome == Outcome.NO_STATUS, reason);
  }
}
