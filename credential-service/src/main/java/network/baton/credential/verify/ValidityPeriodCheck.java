package network.baton.credential.verify;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The {@code dates} check: the credential has a {@code validFrom} that has come and no {@code
 * validUntil} that has passed ({@code issuanceDate} and {@code expirationDate} under the VC 1.1
 * context), on the injected clock, with a tolerated skew.
 */
public final class ValidityPeriodCheck implements VerificationCheck {
  private final Clock clock;
  private final Duration skew;

  /** Dates checked against this clock, tolerating {@code skew} either way. */
  public ValidityPeriodCheck(Clock clock, Duration skew) {
    this.clock = requireNonNull(clock, "clock");
    this.skew = requireNonNull(skew, "skew");
    if (skew.isNegative()) throw new IllegalArgumentException("skew must not be negative");
  }

  @Override
  public List<Check> check(Evidence evidence) {
    return List.of(dates(evidence.document()));
  }

  private Check dates(JsonNode vc) {
    String name = CredentialVerifier.DATES;
    Instant now = clock.instant();
    try {
      boolean v1 = CredentialShapeCheck.isV1(vc);
      Instant from = instant(vc, v1 ? "issuanceDate" : "validFrom");
      Instant until = instant(vc, v1 ? "expirationDate" : "validUntil");
      if (from == null) {
        return Check.fail(name, "credential has no " + (v1 ? "issuanceDate" : "validFrom"));
      }
      if (now.plus(skew).isBefore(from)) {
        return Check.fail(name, "not valid yet: valid from " + from + ", now is " + now);
      }
      if (until != null && now.minus(skew).isAfter(until)) {
        return Check.fail(name, "expired on " + until + ", now is " + now);
      }
      return Check.pass(
          name, "valid from " + from + (until == null ? ", no end" : " until " + until));
    } catch (DateTimeParseException e) {
      return Check.fail(
          name, "a validity date is not an XML Schema dateTime: " + e.getParsedString());
    }
  }

  private static Instant instant(JsonNode vc, String field) {
    JsonNode value = vc.get(field);
    if (value == null || value.isNull()) return null;
    return OffsetDateTime.parse(value.asText()).toInstant();
  }
}
