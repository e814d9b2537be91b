package network.baton.credential.status;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Verifies a fetched status list credential's own proof or JWS (delegated to the credential
 * verifier) and returns the verified credential JSON: the document for Data Integrity, the payload
 * for vc+jwt.
 */
@FunctionalInterface
public interface StatusListVerifier {

  /** The verified credential JSON; throws with a plain-words reason when it does not verify. */
  JsonNode verify(String fetched) throws StatusListException;
}
