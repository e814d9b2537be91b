package network.baton.credential.sdjwt;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import network.baton.credential.verify.Check;
import network.baton.credential.verify.CredentialVerifier;
import network.baton.credential.verify.Evidence;
import network.baton.credential.verify.VerificationCheck;

/**
 * The {@code dates} check of an SD-JWT VC: {@code iat} present and not in the future, {@code nbf}
 * (when present) come, {@code exp} (when present) not passed, on the verifier's clock with a
 * tolerated skew; each a NumericDate (seconds).
 */
final class SdJwtDatesCheck implements VerificationCheck {
  private final Clock clock;
  private final Duration skew;

  SdJwtDatesCheck(Clock clock, Duration skew) {
    this.clock = requireNonNull(clock, "clock");
    this.skew = requireNonNull(skew, "skew");
  }

  @Override
  public List<Check> check(Evidence evidence) {
    String name = CredentialVerifier.DATES;
    JsonNode claims = evidence.document();
    Instant now = clock.instant();
    for (String date : List.of("iat", "nbf", "exp")) {
      JsonNode value = claims.get(date);
      if (value != null && !value.canConvertToLong()) {
        return List.of(Check.fail(name, date + " is not a NumericDate"));
      }
    }
    if (!claims.has("iat")) return List.of(Check.fail(name, "the SD-JWT VC has no iat"));
    Instant iat = Instant.ofEpochSecond(claims.get("iat").asLong());
    if (iat.isAfter(now.plus(skew))) {
      return List.of(Check.fail(name, "issued in the future: iat " + iat + ", now is " + now));
    }
    if (claims.has("nbf")) {
      Instant nbf = Instant.ofEpochSecond(claims.get("nbf").asLong());
      if (nbf.isAfter(now.plus(skew))) {
        return List.of(Check.fail(name, "not valid yet: nbf " + nbf + ", now is " + now));
      }
    }
    Instant exp = claims.has("exp") ? Instant.ofEpochSecond(claims.get("exp").asLong()) : null;
    if (exp != null && now.minus(skew).isAfter(exp)) {
      return List.of(Check.fail(name, "expired on " + exp + ", now is " + now));
    }
    return List.of(
        Check.pass(name, "issued " + iat + (exp == null ? ", no expiry" : ", valid until " + exp)));
  }
}
