package network.baton.credential.jose;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** A Nimbus {@link JWSSigner} for {@code EdDSA} (Ed25519) backed by Bouncy Castle's primitive. */
public final class BcEd25519Signer extends BcJwsSigner {
  private final Ed25519PrivateKeyParameters privateKey;

  /** A signer with this Ed25519 private key. */
  public BcEd25519Signer(Ed25519PrivateKeyParameters privateKey) {
    super(JWSAlgorithm.EdDSA);
    this.privateKey = privateKey;
  }

  @Override
  byte[] signature(byte[] signingInput) {
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, privateKey);
    signer.update(signingInput, 0, signingInput.length);
    return signer.generateSignature();
  }
}
