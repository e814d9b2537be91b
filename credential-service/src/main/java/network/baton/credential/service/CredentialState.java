package network.baton.credential.service;

import java.util.Locale;

/** The standing of an issued credential as its issuer records it. */
public enum CredentialState {
  /** Neither revoked nor suspended. */
  ACTIVE,
  /** Revoked for good. */
  REVOKED,
  /** Suspended; can be lifted. */
  SUSPENDED;

  /** The lower-case name used in JSON. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The state a JSON value names. */
  public static CredentialState parse(String value) {
    for (CredentialState state : values()) {
      if (state.value().equals(value)) {
        return state;
      }
    }
    throw new IllegalArgumentException("unknown credential state: " + value);
  }
}
