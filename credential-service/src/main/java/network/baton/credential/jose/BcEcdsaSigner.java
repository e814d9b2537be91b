package network.baton.credential.jose;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import java.math.BigInteger;
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
public final class BcEcdsaSigner extends BcJwsSigner {
  private final ECPrivateKeyParameters privateKey;

  /** A signer with this P-256 private key. */
  public BcEcdsaSigner(ECPrivateKeyParameters privateKey) {
    super(JWSAlgorithm.ES256);
    this.privateKey = privateKey;
  }

  @Override
  byte[] signature(byte[] signingInput) {
    ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
    signer.init(true, privateKey);
    BigInteger[] rs = signer.generateSignature(sha256(signingInput));
    return Arrays.concatenate(
        BigIntegers.asUnsignedByteArray(32, rs[0]), BigIntegers.asUnsignedByteArray(32, rs[1]));
  }

  static byte[] sha256(byte[] input) {
    SHA256Digest digest = new SHA256Digest();
    digest.update(input, 0, input.length);
    byte[] out = new byte[digest.getDigestSize()];
    digest.doFinal(out, 0);
    return out;
  }
}
