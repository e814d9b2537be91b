package network.baton.credential.verify;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import network.baton.credential.did.DidResolver;
import network.baton.credential.integrity.EddsaRdfc2022;
import network.baton.credential.issue.SkillLookup;

/**
 * What the node, its pages and the CLI call to verify: credentials and presentations in every
 * securing format it reads (format dispatch, then a pipeline of named checks per format), the
 * challenges it hands out and their single use, status and trust through the strategies it was
 * built with. Needs no keys, no folder and no catalogue: a verifier signs nothing. Built with
 * {@link #builder}; safe defaults: no issuer is trusted, a status that cannot be checked fails,
 * {@code alg: none} and unknown algorithms are refused, nothing is ok without a verified signature
 * or proof. Methods block (DID and status list fetches, canonicalization): call them off the event
 * loop. Thread-safe.
 */
public final class VerificationService {
  /** How long accepted presentation nonces are remembered against replay. */
  public static final Duration NONCE_MEMORY = Duration.ofMinutes(30);

  /** How long a challenge handed out by {@link #newChallenge} is accepted. */
  public static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(5);

  /** The most challenges remembered at a time (the oldest are dropped first). */
  public static final long MAX_OUTSTANDING_CHALLENGES = 100_000;

  private final CredentialVerifier credentials;
  private final PresentationVerifier presentations;
  private final UsedNonces usedNonces;
  private final IssuedChallenges challenges;
  private final String defaultDomain;
  private final FormatDispatch firstPresentationFormats;

  private VerificationService(Builder builder) {
    VerificationPipeline claims =
        CredentialVerifier.claims(
            builder.trust, builder.status, builder.skills, builder.clock, builder.skew);
    for (Map.Entry<String, VerificationCheck> extra : builder.extraChecks.entrySet()) {
      claims = claims.then(extra.getKey(), extra.getValue());
    }
    KeySelector keys = builder.keys != null ? builder.keys : new KeyBinding(builder.resolver);
    CredentialVerifier verifier =
        CredentialVerifier.of(keys, builder.suite, builder.resolver, claims);
    for (Map.Entry<String, VerificationCheck> replaced : builder.replaced.entrySet()) {
      verifier = verifier.replacing(replaced.getKey(), replaced.getValue());
    }
    // Formats with pipelines of their own (SD-JWT VC): tried first, left out of the replacements.
    for (FormatDispatch.Format format : builder.credentialFormats) {
      verifier = verifier.withFirst(format);
    }
    this.credentials = verifier;
    this.firstPresentationFormats =
        new FormatDispatch(builder.presentationFormats, input -> "not read here");
    this.usedNonces = new UsedNonces(NONCE_MEMORY, 1_000_000);
    CredentialVerifier held = verifier;
    this.presentations =
        new PresentationVerifier(
            keys,
            verifier,
            builder.resolver,
            usedNonces,
            builder.suite,
            builder.suite == null ? null : held::verify);
    this.challenges =
        new IssuedChallenges(
            builder.random, builder.clock, CHALLENGE_LIFETIME, MAX_OUTSTANDING_CHALLENGES);
    this.defaultDomain = builder.defaultDomain;
  }

  // A presentation in one of the formats given to the builder, else the presentation verifier's.
  private VerificationReport presentation(JsonNode input, PresentationRequirements required) {
    for (FormatDispatch.Format format : firstPresentationFormats.formats()) {
      if (format.reads().test(input)) {
        return format.pipeline().run(Evidence.ofPresentation(input, required));
      }
    }
    return presentations.verify(input, required);
  }

  /** A builder finding DID documents (issuers' and holders' keys) through {@code resolver}. */
  public static Builder builder(DidResolver resolver) {
    return new Builder(resolver);
  }

  /**
   * Verifies a credential: a compact {@code vc+jwt} (JSON string), an {@code
   * EnvelopedVerifiableCredential} holding one, or a JSON-LD credential with an {@code
   * eddsa-rdfc-2022} proof. Never throws for a bad credential: the report says what failed.
   */
  public VerificationReport verifyCredential(JsonNode input) {
    return credentials.verify(input);
  }

  /**
   * Verifies a presentation ({@code vp+jwt} string, EnvelopedVerifiablePresentation, or JSON-LD
   * with an {@code eddsa-rdfc-2022} proof) for a verifier that handed out {@code challenge} itself
   * (each accepted only once by this service); {@code domain} is the expected audience. Never
   * throws for a bad presentation: the report says what failed.
   */
  public VerificationReport verifyPresentation(
      JsonNode presentation, String challenge, String domain) {
    requireNonNull(challenge, "challenge");
    return presentation(
        presentation,
        new PresentationRequirements(NonceCheck.remembered(challenge, usedNonces), domain));
  }

  /**
   * A fresh challenge for a presentation to {@code domain} (null: the default domain, the node's
   * base URL), accepted once by {@link #verifyIssuedChallenge} until it expires.
   */
  public Challenge newChallenge(String domain) {
    return challenges.issue(domain == null ? defaultDomain() : domain);
  }

  /**
   * Verifies a presentation against a challenge this service handed out: it must be known,
   * unexpired and not used before (it is used up by this call), and the presentation must carry it.
   * The expected domain is {@code domain} when given (it must then be the challenge's), else the
   * challenge's.
   */
  public VerificationReport verifyIssuedChallenge(
      JsonNode presentation, String challenge, String domain) {
    requireNonNull(challenge, "challenge");
    return verifyPresentation(presentation, PresentationOptions.issued(challenge, domain));
  }

  /**
   * Verifies a presentation as the caller asks ({@link PresentationOptions}): a challenge this
   * service handed out is redeemed (unexpired, single use, its domain expected unless the caller
   * names one); a challenge it did not hand out is the caller's own, accepted once; no challenge
   * and no domain: neither is checked. Never throws for a bad presentation.
   */
  public VerificationReport verifyPresentation(JsonNode presentation, PresentationOptions options) {
    requireNonNull(presentation, "presentation");
    requireNonNull(options, "options");
    if (options.challenge() == null) {
      return presentation(
          presentation,
          new PresentationRequirements(null, options.domain(), options.holderBinding()));
    }
    IssuedChallenges.Redemption redemption = challenges.redeem(options.challenge());
    if (redemption.outcome() == IssuedChallenges.Outcome.UNKNOWN && !options.issuedChallenge()) {
      return presentation(
          presentation,
          new PresentationRequirements(
              NonceCheck.remembered(options.challenge(), usedNonces),
              options.domain(),
              options.holderBinding()));
    }
    String expected =
        options.domain() != null
            ? options.domain()
            : redemption.challenge() != null ? redemption.challenge().domain() : defaultDomain();
    return presentation(
        presentation,
        new PresentationRequirements(
            redemption.nonceCheck(options.domain()), expected, options.holderBinding()));
  }

  private String defaultDomain() {
    if (defaultDomain == null) {
      throw new IllegalStateException("this verifier was built without a default domain");
    }
    return defaultDomain;
  }

  /** The credential verifier (its formats and pipelines). */
  public CredentialVerifier credentials() {
    return credentials;
  }

  /** The presentation verifier (its formats and pipelines). */
  public PresentationVerifier presentations() {
    return presentations;
  }

  /** The verifier's settings; every one has a safe default except the DID resolver. */
  public static final class Builder {
    private final DidResolver resolver;
    private TrustList trust = issuer -> false;
    private StatusChecker status =
        entry -> StatusResult.invalid("this verifier has no way to check status lists");
    private SkillLookup skills = iri -> Optional.empty();
    private Clock clock = Clock.systemUTC();
    private Duration skew = CredentialVerifier.DEFAULT_SKEW;
    private EddsaRdfc2022 suite;
    private KeySelector keys;
    private SecureRandom random = new SecureRandom();
    private String defaultDomain;
    private final Map<String, VerificationCheck> extraChecks = new LinkedHashMap<>();
    private final Map<String, VerificationCheck> replaced = new LinkedHashMap<>();
    private final List<FormatDispatch.Format> credentialFormats = new ArrayList<>();
    private final List<FormatDispatch.Format> presentationFormats = new ArrayList<>();

    private Builder(DidResolver resolver) {
      this.resolver = requireNonNull(resolver, "resolver");
    }

    /** Whose credentials verify (default: nobody's). */
    public Builder trust(TrustList trust) {
      this.trust = requireNonNull(trust, "trust");
      return this;
    }

    /** How credential status is checked (default: it cannot be, and the status check fails). */
    public Builder status(StatusChecker status) {
      this.status = requireNonNull(status, "status");
      return this;
    }

    /** The skill framework attested skills are looked up in (default: none). */
    public Builder skills(SkillLookup skills) {
      this.skills = requireNonNull(skills, "skills");
      return this;
    }

    /** The clock for validity dates and challenges (default: the system's, UTC). */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Clock skew tolerated on validity dates (default: {@link CredentialVerifier#DEFAULT_SKEW}).
     */
    public Builder skew(Duration skew) {
      this.skew = requireNonNull(skew, "skew");
      return this;
    }

    /** Reads Data Integrity ({@code eddsa-rdfc-2022}) too (default: {@code vc+jwt} only). */
    public Builder dataIntegrity(EddsaRdfc2022 suite) {
      this.suite = requireNonNull(suite, "suite");
      return this;
    }

    /** How the key of a JWS is found (default: {@link KeyBinding} over the resolver). */
    public Builder keySelector(KeySelector keys) {
      this.keys = requireNonNull(keys, "keys");
      return this;
    }

    /** The randomness challenges are drawn from (default: a new {@link SecureRandom}). */
    public Builder random(SecureRandom random) {
      this.random = requireNonNull(random, "random");
      return this;
    }

    /** The domain a challenge is for when none is asked (the node's base URL; default: none). */
    public Builder defaultDomain(String domain) {
      this.defaultDomain = requireNonNull(domain, "domain");
      return this;
    }

    /** One more check run on authentic credentials, after the claims checks. */
    public Builder check(String name, VerificationCheck check) {
      extraChecks.put(requireNonNull(name, "name"), requireNonNull(check, "check"));
      return this;
    }

    /** A credential check on the authentic credential's JSON (e.g. JSON Schema). */
    public Builder check(String name, CredentialCheck check) {
      requireNonNull(check, "check");
      return check(name, VerificationCheck.single(evidence -> check.check(evidence.document())));
    }

    /**
     * The credential step {@code name} done by {@code check} instead, in every format having it.
     */
    public Builder replacing(String name, VerificationCheck check) {
      replaced.put(requireNonNull(name, "name"), requireNonNull(check, "check"));
      return this;
    }

    /**
     * One more credential format with a pipeline of its own (e.g. SD-JWT VC), tried before the
     * built-in ones; the extra checks and replacements above do not apply to it.
     */
    public Builder credentialFormat(FormatDispatch.Format format) {
      credentialFormats.add(requireNonNull(format, "format"));
      return this;
    }

    /**
     * One more presentation format with a pipeline of its own (e.g. SD-JWT VC with a KB-JWT), tried
     * before the built-in ones, under the same challenge and domain rules.
     */
    public Builder presentationFormat(FormatDispatch.Format format) {
      presentationFormats.add(requireNonNull(format, "format"));
      return this;
    }

    /** The service. */
    public VerificationService build() {
      return new VerificationService(this);
    }
  }
}
