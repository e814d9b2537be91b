package network.baton.credential.jose;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * A Nimbus {@link JWSVerifier} for {@code EdDSA} (Ed25519) backed by Bouncy Castle; refuses headers
 * with a {@code crit} parameter it does not understand (it understands none).
 */
public final class BcEd25519Verifier extends BcJwsVerifier {
  private final Ed25519PublicKeyParameters publicKey;

  /** A verifier for this Ed25519 public key. */
  public BcEd25519Verifier(Ed25519PublicKeyParameters publicKey) {
    super(JWSAlgorithm.EdDSA);
    this.publicKey = publicKey;
  }

  @Override
  boolean verifySignature(byte[] signedContent, byte[] sig) {
    if (sig.length != Ed25519PublicKeyParameters.KEY_SIZE * 2) return false;
    Ed25519Signer verifier = new Ed25519Signer();
    verifier.init(false, publicKey);
    verifier.update(signedContent, 0, signedContent.length);
    return verifier.verifySignature(sig);
  }
}
