package network.baton.credential.jose;

import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import java.util.function.BiPredicate;
import java.util.function.UnaryOperator;
import network.baton.credential.keys.PublicKeyMaterial;
import network.baton.credential.keys.SigningKey;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

/**
 * Picks the Bouncy Castle backed Nimbus signer or verifier for a key: its algorithm's primitive
 * ({@link BcEd25519}, {@link BcEcdsaP256}) behind the one JWS signer and verifier.
 */
public final class BcJose {
  private BcJose() {}

  /** The signer for this key's algorithm. */
  public static JWSSigner signer(SigningKey key) {
    AsymmetricKeyParameter privateKey = key.privateKey();
    UnaryOperator<byte[]> signature =
        switch (key.algorithm()) {
          case ED25519 -> input -> BcEd25519.sign((Ed25519PrivateKeyParameters) privateKey, input);
          case P256 -> input -> BcEcdsaP256.sign((ECPrivateKeyParameters) privateKey, input);
        };
    return new BcJwsSigner(key.algorithm().jwsAlgorithm(), signature);
  }

  /** The verifier for this public key's algorithm. */
  public static JWSVerifier verifier(PublicKeyMaterial key) {
    AsymmetricKeyParameter publicKey = key.toBouncyCastle();
    BiPredicate<byte[], byte[]> signatureCheck =
        switch (key.algorithm()) {
          case ED25519 ->
              (content, sig) ->
                  BcEd25519.verify((Ed25519PublicKeyParameters) publicKey, content, sig);
          case P256 ->
              (content, sig) -> BcEcdsaP256.verify((ECPublicKeyParameters) publicKey, content, sig);
        };
    return new BcJwsVerifier(key.algorithm().jwsAlgorithm(), signatureCheck);
  }
}
