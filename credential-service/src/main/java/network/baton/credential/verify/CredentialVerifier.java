package network.baton.credential.verify;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import network.baton.credential.did.DidResolver;
import network.baton.credential.did.VerificationMethod;
import network.baton.credential.issue.Skill;
import network.baton.credential.issue.SkillLookup;
import network.baton.credential.issue.VcContexts;
import network.baton.credential.jose.BcJose;

/**
 * Verifies a {@code vc+jwt} credential and reports every check: format, header, credential shape,
 * key belongs to issuer, signature, dates, status, issuer trusted, skills, plus any extra checks
 * (e.g. JSON Schema). Checks after a failed format, header, shape, key or signature check are not
 * run, since the content cannot be trusted. Thread-safe.
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

  /** Clock skew tolerated on validFrom and validUntil. */
  public static final Duration DEFAULT_SKEW = Duration.ofMinutes(1);

  private final KeyBinding keys;
  private final TrustList trust;
  private final StatusChecker status;
  private final SkillLookup skills;
  private final Clock clock;
  private final Duration skew;
  private final List<CredentialCheck> extraChecks;
  private final JwsHeaderPolicy headerPolicy = new JwsHeaderPolicy(VcContexts.VC_JWT, "vc");
  private final ObjectMapper json = CompactJws.strictJson();

  /** A verifier with the default clock skew and no extra checks. */
  public CredentialVerifier(
      DidResolver resolver,
      TrustList trust,
      StatusChecker status,
      SkillLookup skills,
      Clock clock) {
    this(resolver, trust, status, skills, clock, DEFAULT_SKEW, List.of());
  }

  /** A verifier with every setting given. */
  public CredentialVerifier(
      DidResolver resolver,
      TrustList trust,
      StatusChecker status,
      SkillLookup skills,
      Clock clock,
      Duration skew,
      List<CredentialCheck> extraChecks) {
    this.keys = new KeyBinding(requireNonNull(resolver, "resolver"));
    this.trust = requireNonNull(trust, "trust");
    this.status = requireNonNull(status, "status");
    this.skills = requireNonNull(skills, "skills");
    this.clock = requireNonNull(clock, "clock");
    this.skew = requireNonNull(skew, "skew");
    this.extraChecks = List.copyOf(extraChecks);
  }

  /** The same verifier with one more check run on authentic credentials. */
  public CredentialVerifier withCheck(CredentialCheck check) {
    List<CredentialCheck> more = new ArrayList<>(extraChecks);
    more.add(check);
    return new CredentialVerifier(keys.resolver(), trust, status, skills, clock, skew, more);
  }

  /**
   * Verifies a compact {@code vc+jwt}; never throws for bad input, the report says what is wrong.
   */
  public VerificationReport verify(String jwt) {
    List<Check> checks = new ArrayList<>();
    CompactJws jws;
    try {
      jws = CompactJws.parse(jwt, json);
      checks.add(Check.pass(FORMAT, "compact JWS, " + jws.text().length() + " characters"));
    } catch (CompactJws.FormatException e) {
      checks.add(Check.fail(FORMAT, e.getMessage()));
      return VerificationReport.of(checks, null, null, null, List.of());
    }
    JWSObject object;
    try {
      object = headerPolicy.check(jws);
      checks.add(Check.pass(HEADER, "typ vc+jwt, alg " + object.getHeader().getAlgorithm()));
    } catch (JwsHeaderPolicy.HeaderException e) {
      checks.add(Check.fail(HEADER, e.getMessage()));
      return VerificationReport.of(checks, null, null, null, List.of());
    }
    JsonNode vc = jws.payload();
    Optional<String> shapeProblem = shapeProblem(vc);
    String issuer = issuerId(vc);
    String subject = vc.path("credentialSubject").path("id").asText(null);
    if (shapeProblem.isPresent()) {
      checks.add(Check.fail(CREDENTIAL, shapeProblem.get()));
      return VerificationReport.of(checks, issuer, subject, null, List.of());
    }
    checks.add(Check.pass(CREDENTIAL, "a VC Data Model 2.0 credential issued by " + issuer));

    String kid = object.getHeader().getKeyID();
    VerificationMethod method;
    try {
      method =
          keys.find(kid, issuer, KeyBinding.Purpose.ASSERTION, object.getHeader().getAlgorithm());
      checks.add(Check.pass(KEY, "key " + method.id() + " is an assertion method of the issuer"));
    } catch (KeyBinding.KeyException e) {
      checks.add(Check.fail(KEY, e.getMessage()));
      return VerificationReport.of(checks, issuer, subject, null, List.of());
    }
    Check signature = signatureCheck(object, method);
    checks.add(signature);
    if (!signature.passed()) return VerificationReport.of(checks, issuer, subject, null, List.of());

    return contentChecks(checks, vc, issuer, subject);
  }

  /**
   * Verifies a credential secured by an embedded proof (e.g. Data Integrity): {@code format} names
   * what was read, {@code proofChecks} checks the proof for the credential's issuer DID (key and
   * signature checks); then the same shape, date, status, trust, skill and extra checks as for
   * vc+jwt.
   */
  public VerificationReport verifyEmbedded(
      JsonNode vc, String format, Function<String, List<Check>> proofChecks) {
    List<Check> checks = new ArrayList<>();
    checks.add(Check.pass(FORMAT, format));
    Optional<String> shapeProblem = shapeProblem(vc);
    String issuer = issuerId(vc);
    String subject = vc.path("credentialSubject").path("id").asText(null);
    if (shapeProblem.isPresent()) {
      checks.add(Check.fail(CREDENTIAL, shapeProblem.get()));
      return VerificationReport.of(checks, issuer, subject, null, List.of());
    }
    checks.add(Check.pass(CREDENTIAL, "a VC Data Model 2.0 credential issued by " + issuer));
    List<Check> proof = proofChecks.apply(issuer);
    checks.addAll(proof);
    if (proof.isEmpty() || !proof.stream().allMatch(Check::passed)) {
      return VerificationReport.of(checks, issuer, subject, null, List.of());
    }
    return contentChecks(checks, vc, issuer, subject);
  }

  private VerificationReport contentChecks(
      List<Check> checks, JsonNode vc, String issuer, String subject) {
    checks.add(datesCheck(vc));
    checks.add(statusCheck(vc, issuer));
    checks.add(
        trust.trusts(issuer)
            ? Check.pass(TRUST, "issuer " + issuer + " is in the trust list")
            : Check.fail(TRUST, "issuer " + issuer + " is not in the trust list"));
    AttestedAchievement achievement = achievement(vc);
    checks.add(skillsCheck(achievement));
    for (CredentialCheck extra : extraChecks) checks.add(extra.check(vc));
    return VerificationReport.of(checks, issuer, subject, achievement, List.of());
  }

  static Check signatureCheck(JWSObject object, VerificationMethod method) {
    try {
      return object.verify(BcJose.verifier(method.key()))
          ? Check.pass(SIGNATURE, "signature verified with " + method.id())
          : Check.fail(
              SIGNATURE,
              "signature does not match key "
                  + method.id()
                  + " (the content or signature was changed, or another key signed it)");
    } catch (JOSEException | IllegalStateException e) {
      return Check.fail(SIGNATURE, "signature cannot be checked: " + e.getMessage());
    }
  }

  private static Optional<String> shapeProblem(JsonNode vc) {
    if (vc.has("vc") && !vc.has("@context")) {
      return Optional.of(
          "payload carries a 'vc' claim (VC-JWT 1.1); expected the credential itself (VC-JOSE-COSE)");
    }
    JsonNode context = vc.get("@context");
    if (context == null
        || !context.isArray()
        || !VcContexts.CREDENTIALS_V2.equals(context.path(0).asText())) {
      return Optional.of("@context must be an array starting with " + VcContexts.CREDENTIALS_V2);
    }
    if (!contains(vc.get("type"), "VerifiableCredential")) {
      return Optional.of("type does not include VerifiableCredential");
    }
    if (issuerId(vc) == null) return Optional.of("issuer has no DID");
    if (!vc.path("credentialSubject").isObject())
      return Optional.of("credentialSubject is missing");
    return Optional.empty();
  }

  static String issuerId(JsonNode vc) {
    JsonNode issuer = vc.get("issuer");
    if (issuer == null) return null;
    String id = issuer.isObject() ? issuer.path("id").asText(null) : issuer.asText(null);
    return id != null && id.startsWith("did:") ? id : null;
  }

  static boolean contains(JsonNode node, String value) {
    if (node == null) return false;
    if (node.isTextual()) return node.asText().equals(value);
    for (JsonNode item : node) if (item.isTextual() && item.asText().equals(value)) return true;
    return false;
  }

  private Check datesCheck(JsonNode vc) {
    Instant now = clock.instant();
    try {
      Instant from = instant(vc, "validFrom");
      Instant until = instant(vc, "validUntil");
      if (from == null) return Check.fail(DATES, "credential has no validFrom");
      if (now.plus(skew).isBefore(from)) {
        return Check.fail(DATES, "not valid yet: valid from " + from + ", now is " + now);
      }
      if (until != null && now.minus(skew).isAfter(until)) {
        return Check.fail(DATES, "expired on " + until + ", now is " + now);
      }
      return Check.pass(
          DATES, "valid from " + from + (until == null ? ", no end" : " until " + until));
    } catch (DateTimeParseException e) {
      return Check.fail(
          DATES, "a validity date is not an XML Schema dateTime: " + e.getParsedString());
    }
  }

  private static Instant instant(JsonNode vc, String field) {
    JsonNode value = vc.get(field);
    if (value == null || value.isNull()) return null;
    return OffsetDateTime.parse(value.asText()).toInstant();
  }

  private Check statusCheck(JsonNode vc, String issuer) {
    JsonNode entry = vc.get("credentialStatus");
    if (entry == null || entry.isNull()) {
      return Check.pass(STATUS, "the credential has no credentialStatus; it cannot be revoked");
    }
    try {
      StatusResult result = status.check(entry, issuer);
      return new Check(STATUS, result.passed(), result.reason());
    } catch (RuntimeException e) {
      return Check.fail(STATUS, "status could not be checked: " + e.getMessage());
    }
  }

  private AttestedAchievement achievement(JsonNode vc) {
    JsonNode achievement = vc.path("credentialSubject").path("achievement");
    if (!achievement.isObject()) return null;
    List<AttestedSkill> attested = new ArrayList<>();
    JsonNode alignments = achievement.path("alignment");
    for (JsonNode alignment : alignments.isArray() ? alignments : List.of(alignments)) {
      String url = alignment.path("targetUrl").asText(null);
      if (url == null) continue;
      Optional<Skill> skill = skills.find(url);
      attested.add(
          skill
              .map(s -> new AttestedSkill(s.iri(), s.notation(), s.labels(), true))
              .orElseGet(
                  () ->
                      new AttestedSkill(
                          url,
                          alignment.path("targetCode").asText(null),
                          Map.of("und", alignment.path("targetName").asText("")),
                          false)));
    }
    return new AttestedAchievement(
        achievement.path("id").asText(null), achievement.path("name").asText(null), attested);
  }

  private static Check skillsCheck(AttestedAchievement achievement) {
    if (achievement == null) return Check.fail(SKILLS, "credentialSubject has no achievement");
    if (achievement.skills().isEmpty()) {
      return Check.fail(SKILLS, "the achievement aligns to no skill");
    }
    List<String> unknown =
        achievement.skills().stream()
            .filter(s -> !s.inFramework())
            .map(AttestedSkill::iri)
            .toList();
    if (!unknown.isEmpty()) {
      return Check.fail(SKILLS, "not skills of the framework: " + String.join(", ", unknown));
    }
    return Check.pass(SKILLS, achievement.skills().size() + " skill(s) of the framework");
  }
}
