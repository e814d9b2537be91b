package network.baton.credential.jose;

import com.nimbusds.jose.CriticalHeaderParamsAware;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.impl.CriticalHeaderParamsDeferral;
import com.nimbusds.jose.util.Base64URL;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * A Nimbus {@link JWSVerifier} for one algorithm backed by a Bouncy Castle primitive: refuses other
 * algorithms and headers with a {@code crit} parameter it does not understand (it understands
 * none), then checks the signature bytes.
 */
final class BcJwsVerifier extends BcJwsProvider implements JWSVerifier, CriticalHeaderParamsAware {
  private final CriticalHeaderParamsDeferral critPolicy = new CriticalHeaderParamsDeferral();
  private final BiPredicate<byte[], byte[]> signatureCheck;

  /**
   * A verifier of {@code algorithm} whose {@code signatureCheck} says whether JOSE signature bytes
   * (second) sign the content (first) with its key.
   */
  BcJwsVerifier(JWSAlgorithm algorithm, BiPredicate<byte[], byte[]> signatureCheck) {
    super(algorithm);
    this.signatureCheck = signatureCheck;
  }

  @Override
  public boolean verify(JWSHeader header, byte[] signedContent, Base64URL signature) {
    if (!algorithm.equals(header.getAlgorithm()) || !critPolicy.headerPasses(header)) {
      return false;
    }
    return signatureCheck.test(signedContent, signature.decode());
  }

  @Override
  public Set<String> getProcessedCriticalHeaderParams() {
    return critPolicy.getProcessedCriticalHeaderParams();
  }

  @Override
  public Set<String> getDeferredCriticalHeaderParams() {
    return critPolicy.getDeferredCriticalHeaderParams();
  }
}
