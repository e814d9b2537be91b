package network.baton.credential.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import java.util.Set;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** A Nimbus {@link JWSSigner} for {@code EdDSA} (Ed25519) backed by Bouncy Castle's primitive. */
public final class BcEd25519Signer implements JWSSigner {
  private final Ed25519PrivateKeyParameters privateKey;
  private final JCAContext jcaContext = new JCAContext();

  /** A signer with this Ed25519 private key. */
  public BcEd25519Signer(Ed25519PrivateKeyParameters privateKey) {
    this.privateKey = privateKey;
  }

  @Override
  public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
    if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm())) {
      throw new JOSEException("this signer makes EdDSA signatures, not " + header.getAlgorithm());
    }
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, privateKey);
    signer.update(signingInput, 0, signingInput.length);
    return Base64URL.encode(signer.generateSignature());
  }

  @Override
  public Set<JWSAlgorithm> supportedJWSAlgorithms() {
    return Set.of(JWSAlgorithm.EdDSA);
  }

  @Override
  public JCAContext getJCAContext() {
    return jcaContext;
  }
}
