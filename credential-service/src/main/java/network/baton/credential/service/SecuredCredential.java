package network.baton.credential.service;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An issued credential as handed to the holder: its id (null for a caller's credential that has
 * none and asked for no status), its format, the compact {@code vc+jwt} (JWT format only, else
 * null) and the credential JSON (the signed document with its proof for Data Integrity, the JWT
 * payload for vc+jwt).
 */
public record SecuredCredential(
    String id, CredentialFormat format, String jwt, ObjectNode document) {
  public SecuredCredential {
    // id is null for a caller's credential without one (no status entry asked, nothing recorded)
    requireNonNull(format, "format");
    requireNonNull(document, "document");
    if ((format == CredentialFormat.JWT) != (jwt != null)) {
      throw new IllegalArgumentException("a vc+jwt credential, and only that, carries a JWT");
    }
    document = document.deepCopy();
  }

  @Override
  public ObjectNode document() {
    return document.deepCopy();
  }
}
