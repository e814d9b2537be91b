package network.baton.credential.status;

import java.util.Locale;

/** Why a status list exists: revocation is final, suspension can be lifted. */
public enum StatusPurpose {
  REVOCATION("revocation"),
  SUSPENSION("suspension");

  private final String value;

  StatusPurpose(String value) {
    this.value = value;
  }

  /** The value written in {@code statusPurpose}. */
  public String value() {
    return value;
  }

  /**
   * The purpose named by a {@code statusPurpose} value; fails with a plain message on anything
   * else.
   */
  public static StatusPurpose parse(String value) {
    if (value != null) {
      for (StatusPurpose purpose : values()) {
        if (purpose.value.equals(value.toLowerCase(Locale.ROOT))) {
          return purpose;
        }
      }
    }
    throw new IllegalArgumentException(
        "statusPurpose must be 'revocation' or 'suspension', not '" + value + "'");
  }
}
