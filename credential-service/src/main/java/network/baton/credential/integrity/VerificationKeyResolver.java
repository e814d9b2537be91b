package network.baton.credential.integrity;

import java.util.Optional;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

/**
 * Finds the Ed25519 public key of a verification method id (a DID URL such as {@code
 * did:web:node.example#key-1} or {@code did:key:z6Mk...#z6Mk...}); empty when it is unknown.
 */
@FunctionalInterface
public interface VerificationKeyResolver {

  /** The public key of the verification method, or empty when it cannot be resolved. */
  Optional<Ed25519PublicKeyParameters> resolve(String verificationMethod);
}
