package network.baton.credential.verify;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import network.baton.credential.did.DidResolver;
import network.baton.credential.integrity.EddsaRdfc2022;
import network.baton.credential.issue.SkillLookup;
import network.baton.credential.issue.VcContexts;

/**
 * Verifies credentials into reports, one {@link VerificationPipeline} per securing format chosen by
 * {@link FormatDispatch}: a {@code vc+jwt} (a JSON string or an EnvelopedVerifiableCredential) runs
 * format, header, credential, key, signature; a JSON-LD credential with an {@code eddsa-rdfc-2022}
 * proof runs format, credential, then key and signature from the proof; both then run the claims
 * checks dates, status, issuer trusted, skills, and any extra checks (e.g. JSON Schema). Steps are
 * replaced by name ({@link #replacing}). Immutable and thread-safe.
 */
public final class CredentialVerifier {
  /** Check names, in the order they run. */
  public static final String FORMAT = "format";

  public static final String HEADER = "header";
  public static final String CREDENTIAL = "credential";
  public static final String KEY = "key";
  public static final String SIGNATURE = "signature";
  public static final String DATES = "dates";
  public static final String STATUS = "status";
  public static final String TRUST = "issuer trusted";
  public static final String SKILLS = "skills";

  /** The step checking an embedded proof (it reports {@link #KEY} and {@link #SIGNATURE}). */
  public static final String PROOF = "proof";

  /** The name of the {@code vc+jwt} format. */
  public static final String VC_JWT = "vc+jwt";

  /** The name of the Data Integrity format. */
  public static final String DATA_INTEGRITY = "eddsa-rdfc-2022";

  /** Clock skew tolerated on validFrom and validUntil. */
  public static final Duration DEFAULT_SKEW = Duration.ofMinutes(1);

  private final FormatDispatch formats;

  private CredentialVerifier(FormatDispatch formats) {
    this.formats = formats;
  }

  /** A {@code vc+jwt} verifier with the default clock skew and no extra checks. */
  public CredentialVerifier(
      DidResolver resolver,
      TrustList trust,
      StatusChecker status,
      SkillLookup skills,
      Clock clock) {
    this(resolver, trust, status, skills, clock, DEFAULT_SKEW, List.of());
  }

  /** A {@code vc+jwt} verifier with every setting given. */
  public CredentialVerifier(
      DidResolver resolver,
      TrustList trust,
      StatusChecker status,
      SkillLookup skills,
      Clock clock,
      Duration skew,
      List<CredentialCheck> extraChecks) {
    this(
        dispatch(
            jwt(new KeyBinding(requireNonNull(resolver, "resolver")))
                .followedBy(withExtras(claims(trust, status, skills, clock, skew), extraChecks)),
            null));
  }

  private static VerificationPipeline withExtras(
      VerificationPipeline claims, List<CredentialCheck> extraChecks) {
    VerificationPipeline all = claims;
    int n = 0;
    for (CredentialCheck extra : extraChecks) {
      requireNonNull(extra, "extraChecks");
      all =
          all.then("extra check " + n++, VerificationCheck.single(e -> extra.check(e.document())));
    }
    return all;
  }

  /**
   * A verifier of both formats: the default gates of each ({@code keys} for {@code vc+jwt}, {@code
   * suite} with keys from {@code resolver} for Data Integrity; no suite: {@code vc+jwt} only)
   * followed by {@code claims}.
   */
  public static CredentialVerifier of(
      KeySelector keys, EddsaRdfc2022 suite, DidResolver resolver, VerificationPipeline claims) {
    requireNonNull(claims, "claims");
    return new CredentialVerifier(
        dispatch(
            jwt(keys).followedBy(claims),
            suite == null ? null : dataIntegrity(suite, resolver).followedBy(claims)));
  }

  /** The gates of a {@code vc+jwt}: format, header, credential, key, signature. */
  public static VerificationPipeline jwt(KeySelector keys) {
    return VerificationPipeline.empty()
        .gate(
            FORMAT,
            new JwsFormatCheck(
                VcContexts.ENVELOPED_VC_PREFIX,
                "an EnvelopedVerifiableCredential must have an id starting with "
                    + VcContexts.ENVELOPED_VC_PREFIX))
        .gate(HEADER, new JwsHeaderCheck(new JwsHeaderPolicy(VcContexts.VC_JWT, "vc")))
        .gate(CREDENTIAL, new CredentialShapeCheck())
        .gate(KEY, new JwsKeyCheck(keys, KeyPurpose.ASSERTION))
        .gate(SIGNATURE, new JwsSignatureCheck());
  }

  /** The gates of a credential with an {@code eddsa-rdfc-2022} proof: format, credential, proof. */
  public static VerificationPipeline dataIntegrity(EddsaRdfc2022 suite, DidResolver resolver) {
    return VerificationPipeline.empty()
        .gate(FORMAT, EmbeddedProofFormatCheck.credential())
        .gate(CREDENTIAL, new CredentialShapeCheck())
        .gate(PROOF, new DataIntegrityProofCheck(suite, resolver, KeyPurpose.ASSERTION));
  }

  /** The claims checks of an authentic credential: dates, status, issuer trusted, skills. */
  public static VerificationPipeline claims(
      TrustList trust, StatusChecker status, SkillLookup skills, Clock clock, Duration skew) {
    return VerificationPipeline.empty()
        .then(DATES, new ValidityPeriodCheck(clock, skew))
        .then(STATUS, new CredentialStatusCheck(status))
        .then(TRUST, new IssuerTrustCheck(trust))
        .then(SKILLS, new SkillsCheck(skills));
  }

  private static FormatDispatch dispatch(VerificationPipeline jwt, VerificationPipeline embedded) {
    List<FormatDispatch.Format> formats = new ArrayList<>();
    formats.add(
        new FormatDispatch.Format(
            VC_JWT,
            input ->
                input.isTextual()
                    || CredentialShapeCheck.contains(
                        input.get("type"), "EnvelopedVerifiableCredential"),
            jwt));
    if (embedded != null) {
      formats.add(
          new FormatDispatch.Format(
              DATA_INTEGRITY, input -> input.isObject() && input.has("proof"), embedded));
    }
    return new FormatDispatch(
        formats,
        input ->
            !input.isObject()
                ? "a credential must be a vc+jwt string or a JSON object"
                : input.has("proof")
                    ? "Data Integrity proofs are not verified here"
                    : "the credential has no proof (not secured)");
  }

  /** The same verifier with one more check run on authentic credentials, after the others. */
  public CredentialVerifier withCheck(CredentialCheck check) {
    requireNonNull(check, "check");
    return withCheck(
        "check " + formats.formats().get(0).pipeline().names().size(),
        VerificationCheck.single(evidence -> check.check(evidence.document())));
  }

  /** The same verifier with the named check appended to every format's pipeline. */
  public CredentialVerifier withCheck(String name, VerificationCheck check) {
    return new CredentialVerifier(formats.mapPipelines(p -> p.then(name, check)));
  }

  /** The same verifier with the step {@code name} doing {@code check} in every format having it. */
  public CredentialVerifier replacing(String name, VerificationCheck check) {
    if (formats.formats().stream().noneMatch(f -> f.pipeline().has(name))) {
      throw new IllegalArgumentException("no step is named " + name);
    }
    return new CredentialVerifier(formats.mapPipelines(p -> p.replacingIfPresent(name, check)));
  }

  /** The same verifier reading one more securing format (or another pipeline for one). */
  public CredentialVerifier with(FormatDispatch.Format format) {
    return new CredentialVerifier(formats.with(format));
  }

  /** The same verifier trying {@code format} before the formats it reads. */
  public CredentialVerifier withFirst(FormatDispatch.Format format) {
    return new CredentialVerifier(formats.withFirst(format));
  }

  /** The formats this verifier reads, each with its pipeline. */
  public List<FormatDispatch.Format> formats() {
    return formats.formats();
  }

  /**
   * Verifies a compact {@code vc+jwt}; never throws for bad input, the report says what is wrong.
   */
  public VerificationReport verify(String jwt) {
    return formats.verify(Evidence.ofCredential(TextNode.valueOf(jwt == null ? "" : jwt)));
  }

  /**
   * Verifies a credential in any format this verifier reads: a compact {@code vc+jwt} (JSON
   * string), an {@code EnvelopedVerifiableCredential} holding one, or a JSON-LD credential with an
   * {@code eddsa-rdfc-2022} proof. Never throws for a bad credential: the report says what failed.
   */
  public VerificationReport verify(JsonNode input) {
    requireNonNull(input, "input");
    return formats.verify(Evidence.ofCredential(input));
  }
}
