package network.baton.credential.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.util.Base64URL;
import java.util.function.UnaryOperator;

/** A Nimbus {@link JWSSigner} for one algorithm backed by a Bouncy Castle primitive. */
final class BcJwsSigner extends BcJwsProvider implements JWSSigner {
  private final UnaryOperator<byte[]> signature;

  /**
   * A signer of {@code algorithm} whose JOSE signature bytes of a signing input {@code signature}
   * makes.
   */
  BcJwsSigner(JWSAlgorithm algorithm, UnaryOperator<byte[]> signature) {
    super(algorithm);
    this.signature = signature;
  }

  @Override
  public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
    if (!algorithm.equals(header.getAlgorithm())) {
      throw new JOSEException(
          "this signer makes " + algorithm + " signatures, not " + header.getAlgorithm());
    }
    return Base64URL.encode(signature.apply(signingInput));
  }
}
