package network.baton.credential.service;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import network.baton.credential.status.StatusListIndex;
import network.baton.credential.status.StatusPurpose;

/**
 * What the node keeps about a credential it issued, and nothing more personal: its id, its position
 * in the status lists (the same list number and index for revocation and suspension), the holder's
 * DID, the achievement IRI, when it was issued, its current state, and the status entries it
 * carries (the purposes a change of state can show in).
 */
public record IssuedRecord(
    String credentialId,
    StatusListIndex position,
    String holderDid,
    String achievementIri,
    Instant issuedAt,
    CredentialState state,
    Set<StatusPurpose> purposes) {
  public IssuedRecord {
    requireNonNull(purposes, "purposes");
    purposes = purposes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(purposes));
    requireNonNull(credentialId, "credentialId");
    requireNonNull(position, "position");
    requireNonNull(holderDid, "holderDid");
    requireNonNull(achievementIri, "achievementIri");
    requireNonNull(issuedAt, "issuedAt");
    requireNonNull(state, "state");
    if (credentialId.isBlank()) {
      throw new IllegalArgumentException("credential id must not be blank");
    }
  }

  /** A record of a credential carrying both status entries, revocation and suspension. */
  public IssuedRecord(
      String credentialId,
      StatusListIndex position,
      String holderDid,
      String achievementIri,
      Instant issuedAt,
      CredentialState state) {
    this(
        credentialId,
        position,
        holderDid,
        achievementIri,
        issuedAt,
        state,
        EnumSet.allOf(StatusPurpose.class));
  }

  /** The same record in another state. */
  public IssuedRecord withState(CredentialState newState) {
    return new IssuedRecord(
        credentialId, position, holderDid, achievementIri, issuedAt, newState, purposes);
  }
}
