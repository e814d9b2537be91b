package network.baton.credential.verify;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSObject;
import java.util.ArrayList;
import java.util.List;
import network.baton.credential.did.DidResolver;
import network.baton.credential.did.VerificationMethod;
import network.baton.credential.issue.VcContexts;

/**
 * Verifies a {@code vp+jwt} presentation: format, header, presentation shape, the holder's key (kid
 * a DID URL of {@code holder}, listed under authentication), signature, nonce (equal to the one the
 * caller handed out, and not seen before), audience, then each enveloped credential with the {@link
 * CredentialVerifier} and holder binding (its {@code credentialSubject.id} is the holder).
 * Thread-safe.
 */
public final class PresentationVerifier {
  /** Check names specific to presentations. */
  public static final String PRESENTATION = "presentation";

  public static final String NONCE = "nonce";
  public static final String AUDIENCE = "audience";
  public static final String CREDENTIALS = "credentials";
  public static final String HOLDER_BINDING = "holder binding";

  private final CredentialVerifier credentials;
  private final KeyBinding keys;
  private final UsedNonces usedNonces;
  private final JwsHeaderPolicy headerPolicy = new JwsHeaderPolicy(VcContexts.VP_JWT, "vp");
  private final ObjectMapper json = CompactJws.strictJson();

  /** A verifier for presentations, using {@code credentials} for the enveloped credentials. */
  public PresentationVerifier(
      CredentialVerifier credentials, DidResolver resolver, UsedNonces usedNonces) {
    this.credentials = requireNonNull(credentials, "credentials");
    this.keys = new KeyBinding(requireNonNull(resolver, "resolver"));
    this.usedNonces = requireNonNull(usedNonces, "usedNonces");
  }

  /**
   * Verifies a compact {@code vp+jwt} made for this verifier: {@code expectedNonce} is the fresh
   * challenge it handed out, {@code expectedAudience} its own identifier (DID or URL).
   */
  public VerificationReport verify(String jwt, String expectedNonce, String expectedAudience) {
    requireNonNull(expectedNonce, "expectedNonce");
    requireNonNull(expectedAudience, "expectedAudience");
    List<Check> checks = new ArrayList<>();
    CompactJws jws;
    try {
      jws = CompactJws.parse(jwt, json);
      checks.add(
          Check.pass(
              CredentialVerifier.FORMAT, "compact JWS, " + jws.text().length() + " characters"));
    } catch (CompactJws.FormatException e) {
      checks.add(Check.fail(CredentialVerifier.FORMAT, e.getMessage()));
      return VerificationReport.of(checks, null, null, null, List.of());
    }
    JWSObject object;
    try {
      object = headerPolicy.check(jws);
      checks.add(
          Check.pass(
              CredentialVerifier.HEADER, "typ vp+jwt, alg " + object.getHeader().getAlgorithm()));
    } catch (JwsHeaderPolicy.HeaderException e) {
      checks.add(Check.fail(CredentialVerifier.HEADER, e.getMessage()));
      return VerificationReport.of(checks, null, null, null, List.of());
    }
    JsonNode vp = jws.payload();
    String holder = vp.path("holder").isTextual() ? vp.get("holder").asText() : null;
    JsonNode envelopes = vp.get("verifiableCredential");
    if (!CredentialVerifier.contains(vp.get("type"), "VerifiablePresentation")
        || !VcContexts.CREDENTIALS_V2.equals(vp.path("@context").path(0).asText())) {
      checks.add(
          Check.fail(PRESENTATION, "payload is not a VC Data Model 2.0 VerifiablePresentation"));
      return VerificationReport.of(checks, null, holder, null, List.of());
    }
    if (holder == null || !holder.startsWith("did:")) {
      checks.add(Check.fail(PRESENTATION, "presentation names no holder DID"));
      return VerificationReport.of(checks, null, holder, null, List.of());
    }
    if (envelopes == null || !envelopes.isArray() || envelopes.isEmpty()) {
      checks.add(Check.fail(PRESENTATION, "presentation holds no credential"));
      return VerificationReport.of(checks, null, holder, null, List.of());
    }
    checks.add(
        Check.pass(
            PRESENTATION,
            "presentation by " + holder + " with " + envelopes.size() + " credential(s)"));

    VerificationMethod method;
    try {
      method =
          keys.find(
              object.getHeader().getKeyID(),
              holder,
              KeyBinding.Purpose.AUTHENTICATION,
              object.getHeader().getAlgorithm());
      checks.add(
          Check.pass(CredentialVerifier.KEY, "key " + method.id() + " authenticates the holder"));
    } catch (KeyBinding.KeyException e) {
      checks.add(Check.fail(CredentialVerifier.KEY, e.getMessage()));
      return VerificationReport.of(checks, null, holder, null, List.of());
    }
    Check signature = CredentialVerifier.signatureCheck(object, method);
    checks.add(signature);
    if (!signature.passed()) return VerificationReport.of(checks, null, holder, null, List.of());

    checks.add(nonceCheck(vp, expectedNonce));
    checks.add(audienceCheck(vp, expectedAudience));

    List<VerificationReport> reports = new ArrayList<>();
    int index = 0;
    for (JsonNode envelope : envelopes) {
      String label = "credential " + index++;
      String id = envelope.path("id").asText("");
      if (!CredentialVerifier.contains(envelope.get("type"), "EnvelopedVerifiableCredential")
          || !id.startsWith(VcContexts.ENVELOPED_VC_PREFIX)) {
        checks.add(
            Check.fail(
                CREDENTIALS,
                label
                    + " is not an EnvelopedVerifiableCredential with a "
                    + VcContexts.ENVELOPED_VC_PREFIX
                    + " id"));
        continue;
      }
      VerificationReport report =
          credentials.verify(id.substring(VcContexts.ENVELOPED_VC_PREFIX.length()));
      reports.add(report);
      checks.add(
          holder.equals(report.subject())
              ? Check.pass(HOLDER_BINDING, label + " is about the holder " + holder)
              : Check.fail(
                  HOLDER_BINDING,
                  label
                      + " is about "
                      + report.subject()
                      + ", not the presenting holder "
                      + holder));
    }
    return VerificationReport.of(checks, null, holder, null, reports);
  }

  private Check nonceCheck(JsonNode vp, String expected) {
    JsonNode nonce = vp.get("nonce");
    if (nonce == null || !nonce.isTextual()) return Check.fail(NONCE, "presentation has no nonce");
    if (!nonce.asText().equals(expected)) {
      return Check.fail(NONCE, "nonce " + nonce.asText() + " is not the one handed out");
    }
    if (!usedNonces.markUsed(expected)) {
      return Check.fail(NONCE, "nonce was already used: this presentation is a replay");
    }
    return Check.pass(NONCE, "nonce matches and was not used before");
  }

  private static Check audienceCheck(JsonNode vp, String expected) {
    JsonNode aud = vp.get("aud");
    if (aud == null) return Check.fail(AUDIENCE, "presentation has no aud");
    return CredentialVerifier.contains(aud, expected)
        ? Check.pass(AUDIENCE, "made for " + expected)
        : Check.fail(AUDIENCE, "made for " + aud + ", not for " + expected);
  }
}
