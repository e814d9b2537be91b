package network.baton.credential.verify;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import network.baton.credential.issue.VcContexts;

/**
 * The credentials a presentation holds, each verified on its own (its report is kept in the
 * presentation's) and, when the verifier asks for holder binding, bound to the holder: a {@code
 * holder binding} check per credential (its subject is the presenting holder), else a {@code
 * credentials} check saying whether it verifies; or a {@code credentials} failure for one that is
 * not in an accepted form.
 */
public final class HeldCredentialsCheck implements VerificationCheck {
  private final boolean envelopedOnly;
  private final Function<JsonNode, VerificationReport> credentials;

  private HeldCredentialsCheck(
      boolean envelopedOnly, Function<JsonNode, VerificationReport> credentials) {
    this.envelopedOnly = envelopedOnly;
    this.credentials = requireNonNull(credentials, "credentials");
  }

  /** A {@code vp+jwt}'s credentials: each an EnvelopedVerifiableCredential, verified as vc+jwt. */
  public static HeldCredentialsCheck enveloped(Function<String, VerificationReport> jwt) {
    requireNonNull(jwt, "jwt");
    return new HeldCredentialsCheck(
        true,
        envelope ->
            jwt.apply(
                envelope.path("id").asText().substring(VcContexts.ENVELOPED_VC_PREFIX.length())));
  }

  /** Credentials in any form {@code credentials} verifies (embedded proofs or envelopes). */
  public static HeldCredentialsCheck any(Function<JsonNode, VerificationReport> credentials) {
    return new HeldCredentialsCheck(false, credentials);
  }

  @Override
  public List<Check> check(Evidence evidence) {
    List<Check> checks = new ArrayList<>();
    String holder = evidence.subject();
    int index = 0;
    for (JsonNode held : evidence.held()) {
      String label = "credential " + index++;
      if (envelopedOnly && !isEnvelope(held)) {
        checks.add(
            Check.fail(
                PresentationVerifier.CREDENTIALS,
                label
                    + " is not an EnvelopedVerifiableCredential with a "
                    + VcContexts.ENVELOPED_VC_PREFIX
                    + " id"));
        continue;
      }
      VerificationReport report = credentials.apply(held);
      evidence.credentials().add(report);
      if (!evidence.required().holderBinding()) {
        checks.add(
            report.ok()
                ? Check.pass(PresentationVerifier.CREDENTIALS, label + " verifies")
                : Check.fail(PresentationVerifier.CREDENTIALS, label + " does not verify"));
        continue;
      }
      checks.add(
          holder != null && holder.equals(report.subject())
              ? Check.pass(
                  PresentationVerifier.HOLDER_BINDING, label + " is about the holder " + holder)
              : Check.fail(
                  PresentationVerifier.HOLDER_BINDING,
                  label
                      + " is about "
                      + report.subject()
                      + ", not the presenting holder "
                      + holder));
    }
    return checks;
  }

  private static boolean isEnvelope(JsonNode held) {
    return CredentialShapeCheck.contains(held.get("type"), "EnvelopedVerifiableCredential")
        && held.path("id").asText("").startsWith(VcContexts.ENVELOPED_VC_PREFIX);
  }
}
