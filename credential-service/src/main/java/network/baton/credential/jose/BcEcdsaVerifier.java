package network.baton.credential.jose;

import com.nimbusds.jose.CriticalHeaderParamsAware;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.impl.CriticalHeaderParamsDeferral;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import java.math.BigInteger;
import java.util.Set;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;

/**
 * A Nimbus {@link JWSVerifier} for {@code ES256} backed by Bouncy Castle's ECDSA; the JOSE
 * signature (R || S) is split into the two integers Bouncy Castle takes.
 */
public final class BcEcdsaVerifier implements JWSVerifier, CriticalHeaderParamsAware {
  private final ECPublicKeyParameters publicKey;
  private final CriticalHeaderParamsDeferral critPolicy = new CriticalHeaderParamsDeferral();
  private final JCAContext jcaContext = new JCAContext();

  /** A verifier for this P-256 public key. */
  public BcEcdsaVerifier(ECPublicKeyParameters publicKey) {
    this.publicKey = publicKey;
  }

  @Override
  public boolean verify(JWSHeader header, byte[] signedContent, Base64URL signature) {
    if (!JWSAlgorithm.ES256.equals(header.getAlgorithm()) || !critPolicy.headerPasses(header)) {
      return false;
    }
    byte[] sig = signature.decode();
    if (sig.length != 64) return false;
    BigInteger r = new BigInteger(1, java.util.Arrays.copyOfRange(sig, 0, 32));
    BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(sig, 32, 64));
    ECDSASigner verifier = new ECDSASigner();
    verifier.init(false, publicKey);
    return verifier.verifySignature(BcEcdsaSigner.sha256(signedContent), r, s);
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
    return Set.of(JWSAlgorithm.ES256);
  }

  @Override
  public JCAContext getJCAContext() {
    return jcaContext;
  }
}
