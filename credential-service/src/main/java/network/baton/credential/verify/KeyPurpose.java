package network.baton.credential.verify;

/** What a key signs for, which decides the DID document list it must appear in. */
public enum KeyPurpose {
  /** An issuer's credentials: {@code assertionMethod}. */
  ASSERTION("assertionMethod"),
  /** A holder's presentations: {@code authentication}. */
  AUTHENTICATION("authentication");

  private final String property;

  KeyPurpose(String property) {
    this.property = property;
  }

  /** The DID document property listing keys for this purpose. */
  public String property() {
    return property;
  }
}
