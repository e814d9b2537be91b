package network.baton.credential.verify;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSObject;
import java.util.List;
import network.baton.credential.did.VerificationMethod;
import network.baton.credential.jose.BcJose;

/** The {@code signature} gate of a JWS pipeline: the JWS verifies with the selected key. */
public final class JwsSignatureCheck implements VerificationCheck {
  @Override
  public List<Check> check(Evidence evidence) {
    JWSObject object = evidence.signed();
    VerificationMethod method = evidence.key();
    String name = CredentialVerifier.SIGNATURE;
    try {
      if (!object.verify(BcJose.verifier(method.key()))) {
        return List.of(
            Check.fail(
                name,
                "signature does not match key "
                    + method.id()
                    + " (the content or signature was changed, or another key signed it)"));
      }
    } catch (JOSEException | IllegalStateException e) {
      return List.of(Check.fail(name, "signature cannot be checked: " + e.getMessage()));
    }
    evidence.authenticated();
    return List.of(Check.pass(name, "signature verified with " + method.id()));
  }
}
