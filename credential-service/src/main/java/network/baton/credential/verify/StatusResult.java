package network.baton.credential.verify;

import static java.util.Objects.requireNonNull;

/** The answer of a {@link StatusChecker}: passed (not revoked or suspended) or not, and why. */
public record StatusResult(boolean passed, String reason) {
  public StatusResult {
    requireNonNull(reason, "reason");
  }

  /** The credential is in good standing. */
  public static StatusResult valid(String reason) {
    return new StatusResult(true, reason);
  }

  /** The credential is revoked or suspended, or its status cannot be established. */
  public static StatusResult invalid(String reason) {
    return new StatusResult(false, reason);
  }
}
