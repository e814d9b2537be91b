package network.baton.credential.issue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import network.baton.credential.jose.BcJose;
import network.baton.credential.keys.SigningKey;

/**
 * Compact JWS signing through Nimbus with the Bouncy Castle signers (vc+jwt, dc+sd-jwt, status list
 * tokens).
 */
public final class JwsSigning {
  private JwsSigning() {}

  public static String sign(JWSHeader header, byte[] payload, SigningKey key) {
    JWSObject jws = new JWSObject(header, new Payload(payload));
    try {
      jws.sign(BcJose.signer(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("signing failed: " + e.getMessage(), e);
    }
    return jws.serialize();
  }
}
