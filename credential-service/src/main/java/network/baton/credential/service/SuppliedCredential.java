package network.baton.credential.service;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import network.baton.credential.status.StatusPurpose;

/**
 * A caller's own unsecured credential to issue (any type and subject, already checked against the
 * data model), the securing format, the status entries to add (none: no status) and the id the
 * caller refers to it by (null: its {@code id}, or one made up when a status entry needs it).
 */
public record SuppliedCredential(
    ObjectNode credential,
    CredentialFormat format,
    Set<StatusPurpose> status,
    String credentialId) {
  public SuppliedCredential {
    requireNonNull(credential, "credential");
    requireNonNull(format, "format");
    status = Set.copyOf(status);
    if (credentialId != null && credentialId.isBlank()) {
      throw new IllegalArgumentException("credentialId must not be blank");
    }
  }
}
