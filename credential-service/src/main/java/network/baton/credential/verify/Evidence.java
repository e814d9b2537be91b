package network.baton.credential.verify;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import network.baton.credential.did.VerificationMethod;

/**
 * What the checks of one verification have found so far (Nimbus' {@code SecurityContext} and more):
 * the input, what the verifier requires of a presentation, and what each check read from it (the
 * compact JWS, the credential or presentation JSON, issuer, subject or holder, the signing key, the
 * achievement, the reports of held credentials). One per verification, read and filled by its
 * checks in order; not shared between threads.
 */
public final class Evidence {
  private final JsonNode input;
  private final PresentationRequirements required;
  private CompactJws jws;
  private JWSObject signed;
  private String text;
  private JsonNode document;
  private String issuer;
  private String subject;
  private VerificationMethod key;
  private boolean authentic;
  private AttestedAchievement achievement;
  private final List<JsonNode> held = new ArrayList<>();
  private final List<VerificationReport> credentials = new ArrayList<>();
  private final List<String> disclosed = new ArrayList<>();
  private final Map<Class<?>, Object> details = new HashMap<>();

  private Evidence(JsonNode input, PresentationRequirements required) {
    this.input = requireNonNull(input, "input");
    this.required = required;
  }

  /** The evidence for verifying a credential. */
  public static Evidence ofCredential(JsonNode input) {
    return new Evidence(input, null);
  }

  /** The evidence for verifying a presentation made for a verifier requiring {@code required}. */
  public static Evidence ofPresentation(JsonNode input, PresentationRequirements required) {
    return new Evidence(input, requireNonNull(required, "required"));
  }

  /** What was given to verify: a JSON string (compact JWS) or object. */
  public JsonNode input() {
    return input;
  }

  /** What the verifier requires of a presentation; fails for a credential's evidence. */
  public PresentationRequirements required() {
    if (required == null) throw new IllegalStateException("a credential has no requirements");
    return required;
  }

  /** The compact JWS, once the format check has read it (else null). */
  public CompactJws jws() {
    return jws;
  }

  public void jws(CompactJws jws) {
    this.jws = jws;
    this.document = jws.payload();
  }

  /** The JWS as Nimbus parsed it, once its header passed (else null). */
  public JWSObject signed() {
    return signed;
  }

  public void signed(JWSObject signed) {
    this.signed = signed;
  }

  /** The JSON text a proof is verified over (embedded proofs), once read (else null). */
  public String text() {
    return text;
  }

  /** The credential or presentation JSON and its text, for a format with an embedded proof. */
  public void embedded(JsonNode document, String text) {
    this.document = document;
    this.text = text;
  }

  /** The credential or presentation JSON (the JWS payload, or the input), once read. */
  public JsonNode document() {
    return document;
  }

  /** The issuer DID, once read (null for presentations and unreadable input). */
  public String issuer() {
    return issuer;
  }

  public void issuer(String issuer) {
    this.issuer = issuer;
  }

  /** The credential's subject, or the presentation's holder, once read. */
  public String subject() {
    return subject;
  }

  public void subject(String subject) {
    this.subject = subject;
  }

  /** The key that must have signed, once found. */
  public VerificationMethod key() {
    return key;
  }

  public void key(VerificationMethod key) {
    this.key = key;
  }

  /** Whether a check verified the signature or proof over the document. */
  public boolean authentic() {
    return authentic;
  }

  /** Says that the signature or proof over the document verified. */
  public void authenticated() {
    this.authentic = true;
  }

  /** The attested achievement and its skills, once read. */
  public AttestedAchievement achievement() {
    return achievement;
  }

  public void achievement(AttestedAchievement achievement) {
    this.achievement = achievement;
  }

  /** The credentials a presentation holds, as its shape check found them. */
  public List<JsonNode> held() {
    return held;
  }

  /** The reports of the credentials a presentation holds, in order. */
  public List<VerificationReport> credentials() {
    return credentials;
  }

  /**
   * The claims a selectively disclosable credential disclosed (paths such as {@code skills[0]}), as
   * its disclosure check found them; empty for other formats.
   */
  public List<String> disclosed() {
    return disclosed;
  }

  /**
   * What a format's own checks share beyond the fields above (e.g. a parsed SD-JWT), one value per
   * type; null when no check put one.
   */
  public <T> T detail(Class<T> type) {
    return type.cast(details.get(type));
  }

  public <T> void detail(Class<T> type, T value) {
    details.put(type, requireNonNull(value, "value"));
  }
}
