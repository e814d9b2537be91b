package network.baton.credential.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import java.util.Set;

/** A Nimbus {@link JWSSigner} for one algorithm backed by a Bouncy Castle primitive. */
abstract class BcJwsSigner implements JWSSigner {
  private final JWSAlgorithm algorithm;
  private final JCAContext jcaContext = new JCAContext();

  BcJwsSigner(JWSAlgorithm algorithm) {
    this.algorithm = algorithm;
  }

  /** The JOSE signature bytes of the signing input. */
  abstract byte[] signature(byte[] signingInput);

  @Override
  public final Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
    if (!algorithm.equals(header.getAlgorithm())) {
      throw new JOSEException(
          "this signer makes " + algorithm + " signatures, not " + header.getAlgorithm());
    }
    return Base64URL.encode(signature(signingInput));
  }

  @Override
  public final Set<JWSAlgorithm> supportedJWSAlgorithms() {
    return Set.of(algorithm);
  }

  @Override
  public final JCAContext getJCAContext() {
    return jcaContext;
  }
}
