package network.baton.credential.sdjwt;

/**
 * The status values of a Token Status List (draft-ietf-oauth-status-list, section 7.1) that this
 * node writes and reads; other values (0x03, application specific) are read as unknown.
 */
public enum TokenStatus {
  /** 0x00: the token is valid, correct or legal. */
  VALID(0),
  /** 0x01: the token is revoked, annulled, taken back, recalled or cancelled. */
  INVALID(1),
  /** 0x02: the token is temporarily invalid, e.g. suspended. */
  SUSPENDED(2);

  private final int value;

  TokenStatus(int value) {
    this.value = value;
  }

  /** The number written in the list. */
  public int value() {
    return value;
  }

  /** The status a number stands for; null for values this node gives no meaning (0x03 up). */
  public static TokenStatus of(int value) {
    for (TokenStatus status : values()) if (status.value == value) return status;
    return null;
  }
}
