package network.baton.credential.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.util.Base64URL;

/** A Nimbus {@link JWSSigner} for one algorithm backed by a Bouncy Castle primitive. */
abstract class BcJwsSigner extends BcJwsProvider implements JWSSigner {

  BcJwsSigner(JWSAlgorithm algorithm) {
    super(algorithm);
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
}
