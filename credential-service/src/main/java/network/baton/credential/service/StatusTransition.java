package network.baton.credential.service;

import network.baton.credential.status.StatusPurpose;

/**
 * Which state a status action moves an issued credential to, and which moves are refused:
 * revocation is final, and a credential changes only in a list it points at.
 */
final class StatusTransition {

  private StatusTransition() {}

  /**
   * The state {@code action} moves {@code record} to (its own state when it is there already).
   * Fails (conflict) for a revoked credential that is to change again, and for a change the
   * credential has no status entry to show.
   */
  static CredentialState target(IssuedRecord record, StatusAction action) {
    CredentialState target =
        switch (action) {
          case REVOKE -> CredentialState.REVOKED;
          case SUSPEND -> CredentialState.SUSPENDED;
          case UNSUSPEND -> CredentialState.ACTIVE;
        };
    if (record.state() == target) return target;
    if (record.state() == CredentialState.REVOKED) {
      throw new CredentialServiceException(
          CredentialServiceException.Kind.CONFLICT,
          "credential " + record.credentialId() + " is revoked; revocation is final");
    }
    StatusPurpose shownIn =
        action == StatusAction.REVOKE ? StatusPurpose.REVOCATION : StatusPurpose.SUSPENSION;
    if (!record.purposes().contains(shownIn)) {
      // The bit would be set in a list the credential does not point at: no verifier would see it.
      throw new CredentialServiceException(
          CredentialServiceException.Kind.CONFLICT,
          "credential "
              + record.credentialId()
              + " has no "
              + shownIn.value()
              + " status entry; it cannot be "
              + (action == StatusAction.REVOKE
                  ? "revoked"
                  : "suspended or unsuspended (only a credential issued with a suspension entry"
                      + " can be)"));
    }
    return target;
  }
}
