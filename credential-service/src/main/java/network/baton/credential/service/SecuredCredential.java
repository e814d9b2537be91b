package network.baton.credential.service;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An issued credential as handed to the holder: its id (null for a caller's credential that has
 * none and asked for no status), its format, the compact form ({@code vc+jwt}, or the SD-JWT VC
 * with all its disclosures, ending with {@code ~}; null for Data Integrity) and the credential JSON
 * (the signed document with its proof for Data Integrity, the JWT payload for vc+jwt, the claims
 * with every disclosure applied for SD-JWT VC).
 */
public record SecuredCredential(
    String id, CredentialFormat format, String jwt, ObjectNode document) {
  public SecuredCredential {
    // id is null for a caller's credential without one (no status entry asked, nothing recorded)
    requireNonNull(format, "format");
    requireNonNull(document, "document");
    if ((format != CredentialFormat.DATA_INTEGRITY) != (jwt != null)) {
      throw new IllegalArgumentException(
          "a vc+jwt or SD-JWT VC credential, and only that, carries a compact form");
    }
    document = document.deepCopy();
  }

  @Override
  public ObjectNode document() {
    return document.deepCopy();
  }
}
