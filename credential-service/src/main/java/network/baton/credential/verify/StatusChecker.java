package network.baton.credential.verify;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks a credential's {@code credentialStatus} (one entry object or an array of them), e.g.
 * against a Bitstring Status List. Implementations decide how to treat a list they cannot fetch.
 */
@FunctionalInterface
public interface StatusChecker {
  /** The status of a credential given its {@code credentialStatus} JSON. */
  StatusResult check(JsonNode credentialStatus);
}
