package network.baton.credential.jose;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.util.BigIntegers;

/**
 * JOSE {@code ES256} signatures made and checked with Bouncy Castle's ECDSA, deterministic k (RFC
 * 6979) when signing. Bouncy Castle takes and returns (r, s) as integers, so the JOSE form (R || S,
 * 32 bytes each) is written and split directly, with no DER step in between.
 */
final class BcEcdsaP256 {
  private BcEcdsaP256() {}

  /** The signature (R || S) of the signing input. */
  static byte[] sign(ECPrivateKeyParameters privateKey, byte[] signingInput) {
    ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
    signer.init(true, privateKey);
    BigInteger[] rs = signer.generateSignature(sha256(signingInput));
    return org.bouncycastle.util.Arrays.concatenate(
        BigIntegers.asUnsignedByteArray(32, rs[0]), BigIntegers.asUnsignedByteArray(32, rs[1]));
  }

  /** Whether the signature (R || S) signs the content with this key. */
  static boolean verify(ECPublicKeyParameters publicKey, byte[] signedContent, byte[] sig) {
    if (sig.length != 64) return false;
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(sig, 0, 32));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(sig, 32, 64));
    ECDSASigner verifier = new ECDSASigner();
    verifier.init(false, publicKey);
    return verifier.verifySignature(sha256(signedContent), r, s);
  }

  private static byte[] sha256(byte[] input) {
    SHA256Digest digest = new SHA256Digest();
    digest.update(input, 0, input.length);
    byte[] out = new byte[digest.getDigestSize()];
    digest.doFinal(out, 0);
    return out;
  }
}
