package network.baton.credential.jose;

import com.nimbusds.jose.CriticalHeaderParamsAware;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.impl.CriticalHeaderParamsDeferral;
import com.nimbusds.jose.util.Base64URL;
import java.util.Set;

/**
 * A Nimbus {@link JWSVerifier} for one algorithm backed by a Bouncy Castle primitive: refuses other
 * algorithms and headers with a {@code crit} parameter it does not understand (it understands
 * none), then checks the signature bytes.
 */
abstract class BcJwsVerifier extends BcJwsProvider
    implements JWSVerifier, CriticalHeaderParamsAware {
  private final CriticalHeaderParamsDeferral critPolicy = new CriticalHeaderParamsDeferral();

  BcJwsVerifier(JWSAlgorithm algorithm) {
    super(algorithm);
  }

  /** Whether the JOSE signature bytes sign the content with this verifier's key. */
  abstract boolean verifySignature(byte[] signedContent, byte[] signature);

  @Override
  public final boolean verify(JWSHeader header, byte[] signedContent, Base64URL signature) {
    if (!algorithm.equals(header.getAlgorithm()) || !critPolicy.headerPasses(header)) {
      return false;
    }
    return verifySignature(signedContent, signature.decode());
  }

  @Override
  public final Set<String> getProcessedCriticalHeaderParams() {
    return critPolicy.getProcessedCriticalHeaderParams();
  }

  @Override
  public final Set<String> getDeferredCriticalHeaderParams() {
    return critPolicy.getDeferredCriticalHeaderParams();
  }
}
