package network.baton.credential.verify;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import network.baton.credential.did.DidResolver;
import network.baton.credential.integrity.EddsaRdfc2022;
import network.baton.credential.issue.VcContexts;

/**
 * Verifies presentations, one {@link VerificationPipeline} per securing format. A {@code vp+jwt}
 * (string or EnvelopedVerifiablePresentation): format, header, presentation shape, the holder's key
 * (kid a DID URL of {@code holder}, listed under authentication), signature, nonce (the verifier's
 * {@link NonceCheck}), audience, then each enveloped credential with the {@link CredentialVerifier}
 * and holder binding (its {@code credentialSubject.id} is the holder). JSON-LD with the holder's
 * {@code eddsa-rdfc-2022} proof: format, shape, the proof (purpose authentication), the proof's
 * challenge and domain, then each credential held (embedded with a proof, or enveloped) and holder
 * binding. A presentation without a proof, when the verifier asks for no challenge, domain or
 * holder binding, is verified for the credentials it holds. Immutable and thread-safe.
 */
public final class PresentationVerifier {
  /** Check names specific to presentations. */
  public static final String PRESENTATION = "presentation";

  public static final String NONCE = "nonce";
  public static final String AUDIENCE = "audience";
  public static final String CREDENTIALS = "credentials";
  public static final String HOLDER_BINDING = "holder binding";

  /** The name of the {@code vp+jwt} format. */
  public static final String VP_JWT = "vp+jwt";

  /** The name of a presentation without a proof. */
  public static final String UNSECURED = "unsecured";

  private final FormatDispatch formats;
  private final UsedNonces usedNonces;
  private final boolean dataIntegrity;
  private final VerificationPipeline unsecured;

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
    this(
        new KeyBinding(requireNonNull(resolver, "resolver")),
        credentials,
        resolver,
        usedNonces,
        dataIntegrity,
        embeddedCredentials);
  }

  /** As above, the holder's key of a {@code vp+jwt} found by {@code keys}. */
  public PresentationVerifier(
      KeySelector keys,
      CredentialVerifier credentials,
      DidResolver resolver,
      UsedNonces usedNonces,
      EddsaRdfc2022 dataIntegrity,
      Function<JsonNode, VerificationReport> embeddedCredentials) {
    requireNonNull(keys, "keys");
    requireNonNull(credentials, "credentials");
    requireNonNull(resolver, "resolver");
    this.usedNonces = requireNonNull(usedNonces, "usedNonces");
    if ((dataIntegrity == null) != (embeddedCredentials == null)) {
      throw new IllegalArgumentException(
          "give both the suite and the credential verifier, or none");
    }
    this.dataIntegrity = dataIntegrity != null;
    this.unsecured =
        unsecured(
            embeddedCredentials != null ? embeddedCredentials : held -> credentials.verify(held));
    List<FormatDispatch.Format> formats = new ArrayList<>();
    formats.add(
        new FormatDispatch.Format(
            VP_JWT,
            input ->
                input.isTextual()
                    || input.path("id").asText("").startsWith(VcContexts.ENVELOPED_VP_PREFIX),
            jwt(keys, credentials)));
    if (dataIntegrity != null) {
      formats.add(
          new FormatDispatch.Format(
              CredentialVerifier.DATA_INTEGRITY,
              input -> input.isObject() && input.has("proof"),
              dataIntegrity(dataIntegrity, resolver, embeddedCredentials)));
    }
    this.formats =
        new FormatDispatch(
            formats,
            input ->
                !input.isObject()
                    ? "a presentation must be a vp+jwt string or a JSON object"
                    : "a presentation must be a vp+jwt, an EnvelopedVerifiablePresentation, or"
                        + " JSON-LD with an eddsa-rdfc-2022 proof");
  }

  /** The steps of a {@code vp+jwt}, its credentials verified by {@code credentials}. */
  public static VerificationPipeline jwt(KeySelector keys, CredentialVerifier credentials) {
    return VerificationPipeline.empty()
        .gate(
            CredentialVerifier.FORMAT,
            new JwsFormatCheck(
                VcContexts.ENVELOPED_VP_PREFIX,
                "an EnvelopedVerifiablePresentation must have an id starting with "
                    + VcContexts.ENVELOPED_VP_PREFIX))
        .gate(
            CredentialVerifier.HEADER,
            new JwsHeaderCheck(new JwsHeaderPolicy(VcContexts.VP_JWT, "vp")))
        .gate(PRESENTATION, PresentationShapeCheck.jwt())
        .gate(CredentialVerifier.KEY, new JwsKeyCheck(keys, KeyPurpose.AUTHENTICATION))
        .gate(CredentialVerifier.SIGNATURE, new JwsSignatureCheck())
        .then(NONCE, ChallengeCheck.nonceClaim())
        .then(AUDIENCE, AudienceCheck.audClaim())
        .then(CREDENTIALS, HeldCredentialsCheck.enveloped(credentials::verify));
  }

  /** The steps of a presentation with the holder's {@code eddsa-rdfc-2022} proof. */
  public static VerificationPipeline dataIntegrity(
      EddsaRdfc2022 suite,
      DidResolver resolver,
      Function<JsonNode, VerificationReport> credentials) {
    return VerificationPipeline.empty()
        .gate(CredentialVerifier.FORMAT, EmbeddedProofFormatCheck.presentation())
        .gate(PRESENTATION, PresentationShapeCheck.embedded())
        .gate(
            CredentialVerifier.PROOF,
            new DataIntegrityProofCheck(suite, resolver, KeyPurpose.AUTHENTICATION))
        .then(NONCE, ChallengeCheck.proofChallenge())
        .then(AUDIENCE, AudienceCheck.proofDomain())
        .then(CREDENTIALS, HeldCredentialsCheck.any(credentials));
  }

  /**
   * The steps of a presentation without a proof (a JSON object): format, presentation, then each
   * credential held verified on its own, and a {@code proof} step that passes only when they all
   * verify.
   */
  static VerificationPipeline unsecured(Function<JsonNode, VerificationReport> credentials) {
    return VerificationPipeline.empty()
        .gate(
            CredentialVerifier.FORMAT,
            VerificationCheck.single(
                evidence -> {
                  evidence.embedded(evidence.input(), evidence.input().toString());
                  return Check.pass(
                      CredentialVerifier.FORMAT, "JSON-LD presentation without a proof");
                }))
        .gate(PRESENTATION, PresentationShapeCheck.embedded())
        .then(CREDENTIALS, HeldCredentialsCheck.any(credentials))
        .then(CredentialVerifier.PROOF, new UnsecuredPresentationCheck());
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
    return verify(TextNode.valueOf(jwt == null ? "" : jwt), required);
  }

  /**
   * Verifies a JSON-LD presentation secured with an {@code eddsa-rdfc-2022} proof by its holder;
   * fails if this verifier was made without the suite.
   */
  public VerificationReport verifyDataIntegrity(JsonNode vp, PresentationRequirements required) {
    requireNonNull(vp, "vp");
    if (!dataIntegrity) {
      throw new IllegalStateException("this verifier was made without a Data Integrity suite");
    }
    return formats.formats().get(1).pipeline().run(Evidence.ofPresentation(vp, required));
  }

  /**
   * Verifies a presentation in any format this verifier reads ({@code vp+jwt} string,
   * EnvelopedVerifiablePresentation, JSON-LD with an {@code eddsa-rdfc-2022} proof); never throws
   * for a bad presentation, the report says what failed.
   */
  public VerificationReport verify(JsonNode presentation, PresentationRequirements required) {
    requireNonNull(presentation, "presentation");
    requireNonNull(required, "required");
    if (required.allowsUnsecured()
        && presentation.isObject()
        && !presentation.has("proof")
        && !presentation.path("id").asText("").startsWith(VcContexts.ENVELOPED_VP_PREFIX)) {
      return unsecured.run(Evidence.ofPresentation(presentation, required));
    }
    return formats.verify(Evidence.ofPresentation(presentation, required));
  }

  /** The formats this verifier reads, each with its pipeline. */
  public List<FormatDispatch.Format> formats() {
    return formats.formats();
  }

  /** The memory of accepted nonces this verifier checks replays against. */
  public UsedNonces usedNonces() {
    return usedNonces;
  }
}
