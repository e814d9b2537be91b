package network.baton.credential.jose;

import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import network.baton.credential.keys.PublicKeyMaterial;
import network.baton.credential.keys.SigningKey;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

/** Picks the Bouncy Castle backed Nimbus signer or verifier for a key. */
public final class BcJose {
  private BcJose() {}

  /** The signer for this key's algorithm. */
  public static JWSSigner signer(SigningKey key) {
    return switch (key.algorithm()) {
      case ED25519 -> new BcEd25519Signer((Ed25519PrivateKeyParameters) key.privateKey());
      case P256 -> new BcEcdsaSigner((ECPrivateKeyParameters) key.privateKey());
    };
  }

  /** The verifier for this public key's algorithm. */
  public static JWSVerifier verifier(PublicKeyMaterial key) {
    return switch (key.algorithm()) {
      case ED25519 -> new BcEd25519Verifier((Ed25519PublicKeyParameters) key.toBouncyCastle());
      case P256 -> new BcEcdsaVerifier((ECPublicKeyParameters) key.toBouncyCastle());
    };
  }
}
