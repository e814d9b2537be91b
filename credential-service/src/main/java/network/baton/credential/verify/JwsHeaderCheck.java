package network.baton.credential.verify;

import static java.util.Objects.requireNonNull;

import com.nimbusds.jose.JWSObject;
import java.util.List;

/** The {@code header} gate of a JWS pipeline: the header passes the {@link JwsHeaderPolicy}. */
public final class JwsHeaderCheck implements VerificationCheck {
  private final JwsHeaderPolicy policy;

  /** A gate applying this policy. */
  public JwsHeaderCheck(JwsHeaderPolicy policy) {
    this.policy = requireNonNull(policy, "policy");
  }

  @Override
  public List<Check> check(Evidence evidence) {
    try {
      JWSObject object = policy.check(evidence.jws());
      evidence.signed(object);
      return List.of(
          Check.pass(
              CredentialVerifier.HEADER,
              "typ " + policy.typ() + ", alg " + object.getHeader().getAlgorithm()));
    } catch (JwsHeaderPolicy.HeaderException e) {
      return List.of(Check.fail(CredentialVerifier.HEADER, e.getMessage()));
    }
  }
}
