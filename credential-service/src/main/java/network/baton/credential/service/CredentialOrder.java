package network.baton.credential.service;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * What an administrator asks to be issued: the holder's DID, the course or curriculum IRI, when the
 * credential starts to be valid (null: now) and ends (null: never), and the securing format. The
 * service fills in the rest from the course catalog.
 */
public record CredentialOrder(
    String holderDid,
    String achievementIri,
    Instant validFrom,
    Instant validUntil,
    CredentialFormat format) {
  public CredentialOrder {
    requireNonNull(holderDid, "holderDid");
    requireNonNull(achievementIri, "achievementIri");
    requireNonNull(format, "format");
    if (!holderDid.startsWith("did:")) {
      throw new IllegalArgumentException(
          "credentialSubject.id must be the holder's DID: " + holderDid);
    }
    if (validFrom != null && validUntil != null && !validUntil.isAfter(validFrom)) {
      throw new IllegalArgumentException("validUntil must be after validFrom");
    }
  }
}
