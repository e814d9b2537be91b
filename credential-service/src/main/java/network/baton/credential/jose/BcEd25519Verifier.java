package network.baton.credential.jose;

import com.nimbusds.jose.CriticalHeaderParamsAware;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.impl.CriticalHeaderParamsDeferral;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import java.util.Set;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * A Nimbus {@link JWSVerifier} for {@code EdDSA} (Ed25519) backed by Bouncy Castle; refuses headers
 * with a {@code crit} parameter it does not understand (it understands none).
 */
public final class BcEd25519Verifier implements JWSVerifier, CriticalHeaderParamsAware {
  private final Ed25519PublicKeyParameters publicKey;
  private final CriticalHeaderParamsDeferral critPolicy = new CriticalHeaderParamsDeferral();
  private final JCAContext jcaContext = new JCAContext();

  /** A verifier for this Ed25519 public key. */
  public BcEd25519Verifier(Ed25519PublicKeyParameters publicKey) {
    this.publicKey = publicKey;
  }

  @Override
  public boolean verify(JWSHeader header, byte[] signedContent, Base64URL signature) {
    if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm()) || !critPolicy.headerPasses(header)) {
      return false;
    }
    byte[] sig = signature.decode();
    if (sig.length != Ed25519PublicKeyParameters.KEY_SIZE * 2) return false;
    Ed25519Signer verifier = new Ed25519Signer();
    verifier.init(false, publicKey);
    verifier.update(signedContent, 0, signedContent.length);
    return verifier.verifySignature(sig);
  }

  @Override
  public Set<String> getProcessedCriticalHeaderParams() {
    return critPolicy.getProcessedCriticalHeaderParams();
  }

  @Override
  public Set<String> getDeferredCriticalHeaderParams() {
    return critPolicy.getDeferredCriticalHeaderParams();
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
