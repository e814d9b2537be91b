package network.baton.credential.service;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import network.baton.credential.status.StatusListIndex;

/**
 * What the node keeps about a credential it issued, and nothing more personal: its id, its position
 * in the status lists (the same list number and index for revocation and suspension), the holder's
 * DID, the achievement IRI, when it was issued, and its current state.
 */
public record IssuedRecord(
    String credentialId,
    StatusListIndex position,
    String holderDid,
    String achievementIri,
    Instant issuedAt,
    CredentialState state) {
  public IssuedRecord {
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

  /** The same record in another state. */
  public IssuedRecord withState(CredentialState newState) {
    return new IssuedRecord(credentialId, position, holderDid, achievementIri, issuedAt, newState);
  }
}
