package network.baton.credential.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import java.math.BigInteger;
import java.util.Set;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.util.Arrays;
import org.bouncycastle.util.BigIntegers;

/**
 * A Nimbus {@link JWSSigner} for {@code ES256} backed by Bouncy Castle's ECDSA with deterministic k
 * (RFC 6979). Bouncy Castle returns (r, s) as integers, so the JOSE form (R || S, 32 bytes each) is
 * written directly, with no DER step in between.
 */
public final class BcEcdsaSigner implements JWSSigner {
  private final ECPrivateKeyParameters privateKey;
  private final JCAContext jcaContext = new JCAContext();

  /** A signer with this P-256 private key. */
  public BcEcdsaSigner(ECPrivateKeyParameters privateKey) {
    this.privateKey = privateKey;
  }

  @Override
  public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
    if (!JWSAlgorithm.ES256.equals(header.getAlgorithm())) {
      throw new JOSEException("this signer makes ES256 signatures, not " + header.getAlgorithm());
    }
    ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
    signer.init(true, privateKey);
    BigInteger[] rs = signer.generateSignature(sha256(signingInput));
    return Base64URL.encode(
        Arrays.concatenate(
            BigIntegers.asUnsignedByteArray(32, rs[0]),
            BigIntegers.asUnsignedByteArray(32, rs[1])));
  }

  static byte[] sha256(byte[] input) {
    SHA256Digest digest = new SHA256Digest();
    digest.update(input, 0, input.length);
    byte[] out = new byte[digest.getDigestSize()];
    digest.doFinal(out, 0);
    return out;
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
