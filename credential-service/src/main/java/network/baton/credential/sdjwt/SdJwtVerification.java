package network.baton.credential.sdjwt;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import network.baton.credential.issue.SkillLookup;
import network.baton.credential.verify.CredentialVerifier;
import network.baton.credential.verify.FormatDispatch;
import network.baton.credential.verify.IssuerTrustCheck;
import network.baton.credential.verify.JwsHeaderCheck;
import network.baton.credential.verify.JwsHeaderPolicy;
import network.baton.credential.verify.JwsKeyCheck;
import network.baton.credential.verify.JwsSignatureCheck;
import network.baton.credential.verify.KeyPurpose;
import network.baton.credential.verify.KeySelector;
import network.baton.credential.verify.TrustList;
import network.baton.credential.verify.VerificationPipeline;

/**
 * SD-JWT VC as a format of the verifier ({@link FormatDispatch.Format}), for credentials and for
 * presentations. Steps, in report order: {@code format}, {@code header} ({@code typ dc+sd-jwt} or
 * the older {@code vc+sd-jwt}; EdDSA or ES256 only), {@code credential} (iss, vct, {@code _sd_alg},
 * {@code cnf.jwk}), {@code key} (the kid a DID URL of iss, listed for assertion, through the DID
 * resolvers), {@code signature}, {@code disclosures} | {@code key binding} (a presentation also
 * reports {@code nonce} and {@code audience}), {@code dates}, {@code token status}, {@code issuer
 * trusted}, {@code skills}. Built from the verifier's own strategies, given explicitly. Immutable
 * and thread-safe.
 */
public final class SdJwtVerification {
  /** The name of the format in the dispatch. */
  public static final String FORMAT = "dc+sd-jwt";

  /** The oldest key binding JWT accepted in a presentation. */
  public static final Duration KB_MAX_AGE = Duration.ofMinutes(5);

  private final KeySelector keys;
  private final TokenStatusSource status;
  private final TrustList trust;
  private final SkillLookup skills;
  private final Clock clock;
  private final Duration skew;

  /** Verification with these strategies (the same the verifier's other formats use). */
  public SdJwtVerification(
      KeySelector keys,
      TokenStatusSource status,
      TrustList trust,
      SkillLookup skills,
      Clock clock,
      Duration skew) {
    this.keys = requireNonNull(keys, "keys");
    this.status = requireNonNull(status, "status");
    this.trust = requireNonNull(trust, "trust");
    this.skills = requireNonNull(skills, "skills");
    this.clock = requireNonNull(clock, "clock");
    this.skew = requireNonNull(skew, "skew");
  }

  /** The SD-JWT VC format for credentials: a key binding JWT, when given, is checked too. */
  public FormatDispatch.Format credentialFormat() {
    return new FormatDispatch.Format(FORMAT, SdJwtVerification::reads, pipeline(false));
  }

  /** The SD-JWT VC format for presentations: the key binding JWT is required. */
  public FormatDispatch.Format presentationFormat() {
    return new FormatDispatch.Format(FORMAT, SdJwtVerification::reads, pipeline(true));
  }

  private static boolean reads(com.fasterxml.jackson.databind.JsonNode input) {
    return input.isTextual() && SdJwt.looksLike(input.asText());
  }

  /** The pipeline; {@code presentation}: key binding required, nonce and audience checked. */
  public VerificationPipeline pipeline(boolean presentation) {
    return VerificationPipeline.empty()
        .gate(CredentialVerifier.FORMAT, new SdJwtFormatCheck())
        .gate(
            CredentialVerifier.HEADER,
            new JwsHeaderCheck(
                new JwsHeaderPolicy(SdJwtVcIssuer.TYP, null, List.of(SdJwtVcIssuer.OLDER_TYP))))
        .gate(CredentialVerifier.CREDENTIAL, new SdJwtVcShapeCheck())
        .gate(CredentialVerifier.KEY, new JwsKeyCheck(keys, KeyPurpose.ASSERTION))
        .gate(CredentialVerifier.SIGNATURE, new JwsSignatureCheck())
        .gate(DisclosuresCheck.NAME, new DisclosuresCheck())
        .then(KeyBindingCheck.NAME, new KeyBindingCheck(clock, KB_MAX_AGE, skew, presentation))
        .then(CredentialVerifier.DATES, new SdJwtDatesCheck(clock, skew))
        .then(TokenStatusCheck.NAME, new TokenStatusCheck(status))
        .then(CredentialVerifier.TRUST, new IssuerTrustCheck(trust))
        .then(CredentialVerifier.SKILLS, new SdJwtSkillsCheck(skills));
  }
}
