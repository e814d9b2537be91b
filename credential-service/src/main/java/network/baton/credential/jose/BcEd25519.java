package network.baton.credential.jose;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** JOSE {@code EdDSA} (Ed25519) signatures made and checked with Bouncy Castle's primitive. */
final class BcEd25519 {
  private BcEd25519() {}

  /** The signature of the signing input. */
  static byte[] sign(Ed25519PrivateKeyParameters privateKey, byte[] signingInput) {
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, privateKey);
    signer.update(signingInput, 0, signingInput.length);
    return signer.generateSignature();
  }

  /** Whether the signature signs the content with this key. */
  static boolean verify(Ed25519PublicKeyParameters publicKey, byte[] signedContent, byte[] sig) {
    if (sig.length != Ed25519PublicKeyParameters.KEY_SIZE * 2) return false;
    Ed25519Signer verifier = new Ed25519Signer();
    verifier.init(false, publicKey);
    verifier.update(signedContent, 0, signedContent.length);
    return verifier.verifySignature(sig);
  }
}
