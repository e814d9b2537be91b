package network.baton.credential.verify;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import network.baton.credential.did.DidResolver;
import network.baton.credential.did.VerificationMethod;
import network.baton.credential.integrity.DidVerificationKeys;
import network.baton.credential.integrity.EddsaRdfc2022;
import network.baton.credential.integrity.ProofOptions;
import network.baton.credential.integrity.ProofVerification;
import network.baton.credential.issue.VcContexts;

/**
 * Verifies presentations, {@code vp+jwt} or JSON-LD with an {@code eddsa-rdfc-2022} proof. A {@code
 * vp+jwt}: format, header, presentation shape, the holder's key (kid a DID URL of {@code holder},
 * listed under authentication), signature, nonce (equal to the one the caller handed out, and not
 * seen before), audience, then each enveloped credential with the {@link CredentialVerifier} and
 * holder binding (its {@code credentialSubject.id} is the holder). Thread-safe.
 */
public final class PresentationVerifier {
  /** Check names specific to presentations. */
  public static final String PRESENTATION = "presentation";

  public static final String NONCE = "nonce";
  public static final String AUDIENCE = "audience";
  public static final String CREDENTIALS = "credentials";
  public static final String HOLDER_BINDING = "holder binding";

  private final CredentialVerifier credentials;
  private final DidResolver resolver;
  private final KeyBinding keys;
  private final UsedNonces usedNonces;
  private final EddsaRdfc2022 dataIntegrity;
  private final Function<JsonNode, VerificationReport> embeddedCredentials;
  private final JwsHeaderPolicy headerPolicy = new JwsHeaderPolicy(VcContexts.VP_JWT, "vp");
  private final ObjectMapper json = CompactJws.strictJson();

  /**
   * A verifier for {@code vp+jwt} presentations only, using {@code credentials} for the enveloped
   * credentials.
   */
  public PresentationVerifier(
      CredentialVerifier credentials, DidResolver resolver, UsedNonces usedNonces) {
    this(credentials, resolver, usedNonces, null, null);
  }

  /**
   * A verifier for {@code vp+jwt} and Data Integrity ({@code eddsa-rdfc-2022}) presentations; the
   * credentials held by a Data Integrity presentation (embedded with a proof, or enveloped) are
   * verified by {@code embeddedCredentials}.
   */
  public PresentationVerifier(
      CredentialVerifier credentials,
      DidResolver resolver,
      UsedNonces usedNonces,
      EddsaRdfc2022 dataIntegrity,
      Function<JsonNode, VerificationReport> embeddedCredentials) {
    this.credentials = requireNonNull(credentials, "credentials");
    this.resolver = requireNonNull(resolver, "resolver");
    this.keys = new KeyBinding(resolver);
    this.usedNonces = requireNonNull(usedNonces, "usedNonces");
    if ((dataIntegrity == null) != (embeddedCredentials == null)) {
      throw new IllegalArgumentException(
          "give both the suite and the credential verifier, or none");
    }
    this.dataIntegrity = dataIntegrity;
    this.embeddedCredentials = embeddedCredentials;
  }

  /**
   * Verifies a compact {@code vp+jwt} made for this verifier: {@code expectedNonce} is the fresh
   * challenge it handed out (accepted once), {@code expectedAudience} its own identifier (DID or
   * URL).
   */
  public VerificationReport verify(String jwt, String expectedNonce, String expectedAudience) {
    requireNonNull(expectedNonce, "expectedNonce");
    return verify(
        jwt,
        new PresentationRequirements(
            NonceCheck.remembered(expectedNonce, usedNonces), expectedAudience));
  }

  /** Verifies a compact {@code vp+jwt} against the verifier's requirements. */
  public VerificationReport verify(String jwt, PresentationRequirements required) {
    requireNonNull(required, "required");
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

    JsonNode nonce = vp.get("nonce");
    checks.add(required.nonce().check(nonce != null && nonce.isTextual() ? nonce.asText() : null));
    checks.add(audienceCheck(vp, required.domain()));

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
      checks.add(holderBinding(label, holder, report));
    }
    return VerificationReport.of(checks, null, holder, null, reports);
  }

  /**
   * Verifies a JSON-LD presentation secured with an {@code eddsa-rdfc-2022} proof by its holder:
   * shape, the proof (purpose authentication, by a key the holder's DID lists under
   * authentication), the verifier's challenge and domain stated in the proof, then each credential
   * it holds (embedded with a proof, or enveloped) and holder binding.
   */
  public VerificationReport verifyDataIntegrity(JsonNode vp, PresentationRequirements required) {
    requireNonNull(vp, "vp");
    requireNonNull(required, "required");
    if (dataIntegrity == null) {
      throw new IllegalStateException("this verifier was made without a Data Integrity suite");
    }
    List<Check> checks = new ArrayList<>();
    JsonNode proof = vp.get("proof");
    if (!vp.isObject() || proof == null || !proof.isObject()) {
      checks.add(
          Check.fail(
              CredentialVerifier.FORMAT,
              "a Data Integrity presentation is a JSON object with one proof object"));
      return VerificationReport.of(checks, null, null, null, List.of());
    }
    checks.add(
        Check.pass(CredentialVerifier.FORMAT, "JSON-LD presentation with an embedded proof"));
    String holder = vp.path("holder").isTextual() ? vp.get("holder").asText() : null;
    List<JsonNode> held = new ArrayList<>();
    JsonNode listed = vp.get("verifiableCredential");
    if (listed != null && listed.isArray()) listed.forEach(held::add);
    else if (listed != null && listed.isObject()) held.add(listed);
    Check shape = shapeCheck(vp, holder, held.size());
    checks.add(shape);
    if (!shape.passed()) return VerificationReport.of(checks, null, holder, null, List.of());

    String text;
    try {
      text = json.writeValueAsString(vp);
    } catch (JsonProcessingException e) {
      checks.add(Check.fail(CredentialVerifier.FORMAT, "cannot be serialised: " + e.getMessage()));
      return VerificationReport.of(checks, null, holder, null, List.of());
    }
    ProofVerification result =
        dataIntegrity.verify(
            text,
            DidVerificationKeys.authentication(resolver).controlledBy(holder),
            ProofOptions.AUTHENTICATION);
    if (!result.valid()) {
      checks.add(Check.fail(CredentialVerifier.SIGNATURE, result.reason()));
      return VerificationReport.of(checks, null, holder, null, List.of());
    }
    checks.add(
        Check.pass(
            CredentialVerifier.KEY,
            "key " + result.verificationMethod() + " authenticates the holder"));
    checks.add(Check.pass(CredentialVerifier.SIGNATURE, result.reason()));

    JsonNode challenge = proof.get("challenge");
    checks.add(
        required
            .nonce()
            .check(challenge != null && challenge.isTextual() ? challenge.asText() : null));
    JsonNode domain = proof.get("domain");
    checks.add(
        domain == null
            ? Check.fail(AUDIENCE, "the proof names no domain")
            : CredentialVerifier.contains(domain, required.domain())
                ? Check.pass(AUDIENCE, "made for " + required.domain())
                : Check.fail(AUDIENCE, "made for " + domain + ", not for " + required.domain()));

    List<VerificationReport> reports = new ArrayList<>();
    for (int i = 0; i < held.size(); i++) {
      VerificationReport report = embeddedCredentials.apply(held.get(i));
      reports.add(report);
      checks.add(holderBinding("credential " + i, holder, report));
    }
    return VerificationReport.of(checks, null, holder, null, reports);
  }

  private static Check shapeCheck(JsonNode vp, String holder, int credentials) {
    if (!CredentialVerifier.contains(vp.get("type"), "VerifiablePresentation")
        || !VcContexts.CREDENTIALS_V2.equals(vp.path("@context").path(0).asText())) {
      return Check.fail(PRESENTATION, "not a VC Data Model 2.0 VerifiablePresentation");
    }
    if (holder == null || !holder.startsWith("did:")) {
      return Check.fail(PRESENTATION, "presentation names no holder DID");
    }
    if (credentials == 0) return Check.fail(PRESENTATION, "presentation holds no credential");
    return Check.pass(
        PRESENTATION, "presentation by " + holder + " with " + credentials + " credential(s)");
  }

  private static Check holderBinding(String label, String holder, VerificationReport report) {
    return holder.equals(report.subject())
        ? Check.pass(HOLDER_BINDING, label + " is about the holder " + holder)
        : Check.fail(
            HOLDER_BINDING,
            label + " is about " + report.subject() + ", not the presenting holder " + holder);
  }

  private static Check audienceCheck(JsonNode vp, String expected) {
    JsonNode aud = vp.get("aud");
    if (aud == null) return Check.fail(AUDIENCE, "presentation has no aud");
    return CredentialVerifier.contains(aud, expected)
        ? Check.pass(AUDIENCE, "made for " + expected)
        : Check.fail(AUDIENCE, "made for " + aud + ", not for " + expected);
  }
}
