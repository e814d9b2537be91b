package network.baton.credential.service;

import java.util.Locale;
import network.baton.vocab.UntrustedText;

/** What an administrator does to an issued credential's status. */
public enum StatusAction {
  /** Sets the revocation bit; final. */
  REVOKE,
  /** Sets the suspension bit. */
  SUSPEND,
  /** Clears the suspension bit. */
  UNSUSPEND;

  /**
   * The action a VC API status item asks for: {@code revoked}/{@code revoke}, {@code
   * suspended}/{@code suspend}, {@code active}/{@code unsuspended}/{@code unsuspend}.
   */
  public static StatusAction parse(String value) {
    String name = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    return switch (name) {
      case "revoked", "revoke" -> REVOKE;
      case "suspended", "suspend" -> SUSPEND;
      case "active", "unsuspended", "unsuspend" -> UNSUSPEND;
      default ->
          throw new IllegalArgumentException(
              "status must be 'revoked', 'suspended' or 'unsuspended', not "
                  + UntrustedText.quoted(value));
    };
  }
}
