package network.baton.credential.service;

import static java.util.Objects.requireNonNull;

/** The outcome of a status request: the credential's record now, and whether anything changed. */
public record StatusChange(IssuedRecord record, boolean changed) {
  public StatusChange {
    requireNonNull(record, "record");
  }
}
