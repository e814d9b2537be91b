package network.baton.credential.service;

import java.util.Locale;
import network.baton.vocab.WireNames;

/** The standing of an issued credential as its issuer records it. */
public enum CredentialState {
  /** Neither revoked nor suspended. */
  ACTIVE,
  /** Revoked for good. */
  REVOKED,
  /** Suspended; can be lifted. */
  SUSPENDED;

  private static final WireNames<CredentialState> NAMES =
      WireNames.of("credential state", CredentialState.class, CredentialState::value);

  /** The lower-case name used in JSON. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The state a JSON value names. */
  public static CredentialState parse(String value) {
    return NAMES.parse(value);
  }
}
