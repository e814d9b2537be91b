package network.baton.credential.sdjwt;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSObject;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import network.baton.credential.jose.BcJose;
import network.baton.credential.keys.PublicKeyMaterial;
import network.baton.credential.verify.Check;
import network.baton.credential.verify.CompactJws;
import network.baton.credential.verify.Evidence;
import network.baton.credential.verify.JwsHeaderPolicy;
import network.baton.credential.verify.PresentationRequirements;
import network.baton.credential.verify.PresentationVerifier;
import network.baton.credential.verify.VerificationCheck;

/**
 * The {@code key binding} check (RFC 9901, section 7.3): the KB-JWT has {@code typ: kb+jwt}, an
 * accepted algorithm ({@code none} refused) of the holder's key, and a signature by the key in the
 * credential's {@code cnf.jwk}; its {@code sd_hash} is the hash of the SD-JWT as presented (so no
 * disclosure was added or taken away after signing); its {@code iat} is within the accepted age on
 * the verifier's clock. For a presentation the KB-JWT is required and its {@code nonce} and {@code
 * aud} are reported as the {@code nonce} and {@code audience} checks, against what the verifier
 * asked (the nonce accepted once). A credential given alone needs none; one it carries is checked
 * all the same, without a nonce or audience to expect.
 *
 * <p>Written here, not taken from the Authlete library: it models the SD-JWT form and its
 * disclosures but does not verify key binding JWTs.
 */
final class KeyBindingCheck implements VerificationCheck {
  static final String NAME = "key binding";

  /** The {@code typ} of a key binding JWT. */
  static final String TYP = "kb+jwt";

  private final Clock clock;
  private final Duration maxAge;
  private final Duration skew;
  private final boolean presentation;
  private final ObjectMapper json = CompactJws.strictJson();

  KeyBindingCheck(Clock clock, Duration maxAge, Duration skew, boolean presentation) {
    this.clock = requireNonNull(clock, "clock");
    this.maxAge = requireNonNull(maxAge, "maxAge");
    this.skew = requireNonNull(skew, "skew");
    this.presentation = presentation;
  }

  @Override
  public List<Check> check(Evidence evidence) {
    SdJwt sdJwt = evidence.detail(SdJwt.class);
    if (sdJwt.keyBinding() == null) {
      return List.of(
          presentation
              ? Check.fail(
                  NAME,
                  "the presentation has no key binding JWT: nothing shows the holder presented it")
              : Check.pass(NAME, "no key binding JWT (a credential, not a presentation)"));
    }
    List<Check> checks = new ArrayList<>();
    JsonNode claims;
    try {
      claims = verified(sdJwt, evidence.detail(SdJwtVcShapeCheck.HolderKeyClaim.class).key());
      checks.add(
          Check.pass(
              NAME,
              "kb+jwt signed by the holder's cnf key, sd_hash matches the presented SD-JWT, iat "
                  + Instant.ofEpochSecond(claims.get("iat").asLong())));
    } catch (Refused e) {
      checks.add(Check.fail(NAME, e.getMessage()));
      claims = null;
    }
    if (presentation) {
      PresentationRequirements required = evidence.required();
      JsonNode nonce = claims == null ? null : claims.get("nonce");
      checks.add(
          required.nonce() == null
              ? Check.pass(PresentationVerifier.NONCE, "no challenge was asked")
              : claims == null
                  ? Check.fail(PresentationVerifier.NONCE, "the key binding JWT did not verify")
                  : required
                      .nonce()
                      .check(nonce != null && nonce.isTextual() ? nonce.asText() : null));
      checks.add(audience(required.domain(), claims));
    }
    return checks;
  }

  private static Check audience(String expected, JsonNode claims) {
    String name = PresentationVerifier.AUDIENCE;
    if (expected == null) return Check.pass(name, "no audience was asked");
    if (claims == null) return Check.fail(name, "the key binding JWT did not verify");
    JsonNode aud = claims.get("aud");
    if (aud == null || !aud.isTextual()) return Check.fail(name, "the key binding JWT has no aud");
    return aud.asText().equals(expected)
        ? Check.pass(name, "aud is " + expected)
        : Check.fail(name, "aud is " + aud.asText() + ", not this verifier (" + expected + ")");
  }

  private JsonNode verified(SdJwt sdJwt, PublicKeyMaterial holderKey) {
    CompactJws kb;
    try {
      kb = CompactJws.parse(sdJwt.keyBinding(), json);
    } catch (CompactJws.FormatException e) {
      throw new Refused("key binding JWT: " + e.getMessage());
    }
    JsonNode header = kb.header();
    String alg = header.path("alg").asText("");
    if (alg.equalsIgnoreCase("none"))
      throw new Refused("key binding JWT with alg 'none' is refused");
    if (!JwsHeaderPolicy.ALLOWED_ALGS.contains(alg)) {
      throw new Refused("key binding JWT alg '" + alg + "' is not accepted");
    }
    if (!TYP.equals(header.path("typ").asText(null))) {
      throw new Refused("key binding JWT typ is " + header.get("typ") + ", expected \"kb+jwt\"");
    }
    if (header.has("crit")) throw new Refused("key binding JWT has critical header parameters");
    if (!holderKey.algorithm().jwsAlgorithm().getName().equals(alg)) {
      throw new Refused(
          "key binding JWT alg "
              + alg
              + " does not fit the holder's "
              + holderKey.algorithm()
              + " key");
    }
    try {
      JWSObject jws = JWSObject.parse(kb.text());
      if (!jws.verify(BcJose.verifier(holderKey))) {
        throw new Refused(
            "key binding JWT signature does not match the holder's key in cnf (another key signed it, or it was changed)");
      }
    } catch (ParseException | JOSEException | IllegalStateException e) {
      throw new Refused("key binding JWT signature cannot be checked: " + e.getMessage());
    }
    JsonNode claims = kb.payload();
    JsonNode sdHash = claims.get("sd_hash");
    if (sdHash == null || !sdHash.isTextual()) throw new Refused("key binding JWT has no sd_hash");
    if (!sdHash.asText().equals(sdJwt.sdHash())) {
      throw new Refused(
          "sd_hash does not match the presented SD-JWT (disclosures were added, removed or changed after the holder signed)");
    }
    JsonNode iat = claims.get("iat");
    if (iat == null || !iat.canConvertToLong()) throw new Refused("key binding JWT has no iat");
    Instant issued = Instant.ofEpochSecond(iat.asLong());
    Instant now = clock.instant();
    if (issued.isAfter(now.plus(skew))) {
      throw new Refused("key binding JWT iat " + issued + " is in the future (now " + now + ")");
    }
    if (issued.isBefore(now.minus(maxAge))) {
      throw new Refused(
          "key binding JWT iat "
              + issued
              + " is older than "
              + maxAge.toMinutes()
              + " minutes (now "
              + now
              + "): stale");
    }
    return claims;
  }

  private static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }
}
