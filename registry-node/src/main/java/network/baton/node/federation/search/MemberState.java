package network.baton.node.federation.search;

import java.util.Locale;

/** How one member took part in a federated request. */
public enum MemberState {
  /** Answered in time with a well-formed answer. */
  OK,
  /** Gave no complete answer within its time budget. */
  TIMEOUT,
  /** Refused, failed, could not be reached, or answered something unusable. */
  ERROR,
  /** Not asked: its descriptor shows it cannot match the filters (source selection). */
  SKIPPED;

  /** The JSON name ("ok", "timeout", "error", "skipped"). */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
