package network.baton.credential.jose;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;

/**
 * A Nimbus {@link JWSVerifier} for {@code ES256} backed by Bouncy Castle's ECDSA; the JOSE
 * signature (R || S) is split into the two integers Bouncy Castle takes.
 */
public final class BcEcdsaVerifier extends BcJwsVerifier {
  private final ECPublicKeyParameters publicKey;

  /** A verifier for this P-256 public key. */
  public BcEcdsaVerifier(ECPublicKeyParameters publicKey) {
    super(JWSAlgorithm.ES256);
    this.publicKey = publicKey;
  }

  @Override
  boolean verifySignature(byte[] signedContent, byte[] sig) {
    if (sig.length != 64) return false;
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(sig, 0, 32));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(sig, 32, 64));
    ECDSASigner verifier = new ECDSASigner();
    verifier.init(false, publicKey);
    return verifier.verifySignature(BcEcdsaSigner.sha256(signedContent), r, s);
  }
}
