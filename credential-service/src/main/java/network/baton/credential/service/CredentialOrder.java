package network.baton.credential.service;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import network.baton.credential.status.StatusPurpose;

/**
 * What an administrator asks to be issued: the holder's DID, the course or curriculum IRI, when the
 * credential starts to be valid (null: now) and ends (null: never), the securing format, and the
 * status entries it carries (both by default; revocation alone gives the one {@code
 * credentialStatus} object the Open Badges 3.0 JSON Schema allows). The service fills in the rest
 * from the course catalog.
 */
public record CredentialOrder(
    String holderDid,
    String achievementIri,
    Instant validFrom,
    Instant validUntil,
    CredentialFormat format,
    Set<StatusPurpose> status) {
  public CredentialOrder {
    requireNonNull(holderDid, "holderDid");
    requireNonNull(achievementIri, "achievementIri");
    requireNonNull(format, "format");
    requireNonNull(status, "status");
    if (status.isEmpty()) throw new IllegalArgumentException("a course credential has a status");
    status = Set.copyOf(status);
    if (!holderDid.startsWith("did:")) {
      throw new IllegalArgumentException(
          "credentialSubject.id must be the holder's DID: " + holderDid);
    }
    if (validFrom != null && validUntil != null && !validUntil.isAfter(validFrom)) {
      throw new IllegalArgumentException("validUntil must be after validFrom");
    }
  }

  /** An order for a credential with both status entries, revocation and suspension. */
  public CredentialOrder(
      String holderDid,
      String achievementIri,
      Instant validFrom,
      Instant validUntil,
      CredentialFormat format) {
    this(
        holderDid,
        achievementIri,
        validFrom,
        validUntil,
        format,
        EnumSet.allOf(StatusPurpose.class));
  }

  /** The same order with these status entries. */
  public CredentialOrder withStatus(Set<StatusPurpose> purposes) {
    return new CredentialOrder(holderDid, achievementIri, validFrom, validUntil, format, purposes);
  }
}
