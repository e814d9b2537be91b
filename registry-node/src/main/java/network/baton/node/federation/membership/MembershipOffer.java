package network.baton.node.federation.membership;

import static java.util.Objects.requireNonNull;

/** What a node did with an offered membership list, and why. */
public record MembershipOffer(Outcome outcome, long version, String reason) {

  /** The three answers to an offer. */
  public enum Outcome {
    /** Valid and newer: now the node's current list. */
    ACCEPTED,
    /** Valid, but not newer than the current list, which is kept. */
    NOT_NEWER,
    /** Refused by the verifier (signature, key, typ, expiry, malformed). */
    INVALID
  }

  public MembershipOffer {
    requireNonNull(outcome, "outcome");
    reason = reason == null ? "" : reason;
  }

  /** Whether the offered list became current. */
  public boolean accepted() {
    return outcome == Outcome.ACCEPTED;
  }
}
