package network.baton.credential.verify;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The {@code status} check: the {@link StatusChecker} says the credential is neither revoked nor
 * suspended by its issuer; a credential without {@code credentialStatus} cannot be revoked.
 */
public final class CredentialStatusCheck implements VerificationCheck {
  private final StatusChecker status;

  /** Status asked of this checker. */
  public CredentialStatusCheck(StatusChecker status) {
    this.status = requireNonNull(status, "status");
  }

  @Override
  public List<Check> check(Evidence evidence) {
    String name = CredentialVerifier.STATUS;
    JsonNode entry = evidence.document().get("credentialStatus");
    if (entry == null || entry.isNull()) {
      return List.of(
          Check.pass(name, "the credential has no credentialStatus; it cannot be revoked"));
    }
    try {
      StatusResult result = status.check(entry, evidence.issuer());
      return List.of(new Check(name, result.passed(), result.reason()));
    } catch (RuntimeException e) {
      return List.of(Check.fail(name, "status could not be checked: " + e.getMessage()));
    }
  }
}
