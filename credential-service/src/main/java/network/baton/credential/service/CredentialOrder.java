package network.baton.credential.service;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Set;
import network.baton.credential.status.StatusPurpose;
import network.baton.vocab.UntrustedText;

/**
 * What an administrator asks to be issued: the holder's DID, the course or curriculum IRI, when the
 * credential starts to be valid (null: now) and ends (null: never), the securing format, and the
 * status entries it carries ({@link #DEFAULT_STATUS revocation alone} unless staff ask for
 * suspension too). The service fills in the rest from the course catalog.
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
          "credentialSubject.id must be the holder's DID: " + UntrustedText.oneLine(holderDid));
    }
    if (validFrom != null && validUntil != null && !validUntil.isAfter(validFrom)) {
      throw new IllegalArgumentException("validUntil must be after validFrom");
    }
  }

  /**
   * The status entries of a course credential when the order names none: revocation alone, which
   * the credential carries as one {@code credentialStatus} object, the only shape the Open Badges
   * 3.0 AchievementCredential JSON Schema allows. Two entries (suspension too) make an array the
   * schema refuses as it stands, so they are issued only when asked for. One 2-bit entry with
   * {@code statusPurpose: "message"} (statusSize 2, a statusMessage for active, revoked and
   * suspended) would also be one object and keep suspension, but independent verifiers check
   * revocation and suspension entries, not messages: Digital Bazaar's Bitstring Status List library
   * reads one bit per entry (the wrong bit of a 2-bit list) and finds entries by those two
   * purposes. A revocation entry is one every verifier reads right.
   */
  public static final Set<StatusPurpose> DEFAULT_STATUS = Set.of(StatusPurpose.REVOCATION);

  /** An order for a credential with the {@link #DEFAULT_STATUS default status entry}. */
  public CredentialOrder(
      String holderDid,
      String achievementIri,
      Instant validFrom,
      Instant validUntil,
      CredentialFormat format) {
    this(holderDid, achievementIri, validFrom, validUntil, format, DEFAULT_STATUS);
  }

  /** The same order with these status entries. */
  public CredentialOrder withStatus(Set<StatusPurpose> purposes) {
    return new CredentialOrder(holderDid, achievementIri, validFrom, validUntil, format, purposes);
  }
}
