package network.baton.credential.jose;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSProvider;
import com.nimbusds.jose.jca.JCAContext;
import java.util.Set;

/**
 * What a Bouncy Castle backed signer or verifier tells Nimbus about itself: its one algorithm, and
 * a JCA context that stays unused (Bouncy Castle's primitives are called directly).
 */
abstract class BcJwsProvider implements JWSProvider {
  /** The one algorithm this signer or verifier handles. */
  final JWSAlgorithm algorithm;

  private final JCAContext jcaContext = new JCAContext();

  BcJwsProvider(JWSAlgorithm algorithm) {
    this.algorithm = algorithm;
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
