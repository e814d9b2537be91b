package network.baton.credential.status;

import java.util.Locale;
import network.baton.vocab.WireNames;

/** Why a status list exists: revocation is final, suspension can be lifted. */
public enum StatusPurpose {
  REVOCATION,
  SUSPENSION;

  private static final WireNames<StatusPurpose> NAMES =
      WireNames.of("statusPurpose", StatusPurpose.class, StatusPurpose::value)
          .folding(value -> value.toLowerCase(Locale.ROOT));

  /** The value written in {@code statusPurpose}: the lower-case name. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The purpose named by a {@code statusPurpose} value (any case); fails with a plain message, the
   * refused value shortened, on anything else.
   */
  public static StatusPurpose parse(String value) {
    return NAMES.parse(value);
  }
}
