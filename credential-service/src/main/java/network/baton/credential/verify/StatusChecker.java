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

  /**
   * The status, knowing the credential's issuer, so an implementation can insist that the status
   * list was issued by the same DID. The verifier calls this one; by default it ignores the issuer.
   */
  default StatusResult check(JsonNode credentialStatus, String issuerDid) {
    return check(credentialStatus);
  }
}
