package network.baton.credential.verify;

import com.nimbusds.jose.JWSHeader;
import network.baton.credential.did.VerificationMethod;

/**
 * Finds the key a JWS must have been signed with (Nimbus' {@code JWSKeySelector}): the default
 * ({@link KeyBinding}) takes the header's {@code kid} as a DID URL of the expected DID, listed for
 * the purpose and of the header's algorithm. Implementations are thread-safe.
 */
@FunctionalInterface
public interface KeySelector {
  /**
   * The key for the header, which must be {@code did}'s for {@code purpose}; else {@link Refused}.
   */
  VerificationMethod select(JWSHeader header, String did, KeyPurpose purpose);

  /** No usable key: the message says why, in plain words. */
  final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Refused(String message) {
      super(message);
    }
  }
}
