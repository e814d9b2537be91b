package network.baton.credential.verify;

import static java.util.Objects.requireNonNull;

import com.nimbusds.jose.JWSHeader;
import java.util.List;
import network.baton.credential.did.VerificationMethod;

/**
 * The {@code key} gate of a JWS pipeline: the {@link KeySelector} finds the key of the issuer (for
 * assertion) or of the holder (for authentication) that the header names.
 */
public final class JwsKeyCheck implements VerificationCheck {
  private final KeySelector keys;
  private final KeyPurpose purpose;

  /** A gate finding keys for {@code purpose} with this selector. */
  public JwsKeyCheck(KeySelector keys, KeyPurpose purpose) {
    this.keys = requireNonNull(keys, "keys");
    this.purpose = requireNonNull(purpose, "purpose");
  }

  @Override
  public List<Check> check(Evidence evidence) {
    JWSHeader header = evidence.signed().getHeader();
    String did = purpose == KeyPurpose.ASSERTION ? evidence.issuer() : evidence.subject();
    try {
      VerificationMethod method = keys.select(header, did, purpose);
      evidence.key(method);
      return List.of(Check.pass(CredentialVerifier.KEY, "key " + method.id() + " " + role()));
    } catch (KeySelector.Refused e) {
      return List.of(Check.fail(CredentialVerifier.KEY, e.getMessage()));
    }
  }

  private String role() {
    return purpose == KeyPurpose.ASSERTION
        ? "is an assertion method of the issuer"
        : "authenticates the holder";
  }
}
