package network.baton.credential.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import network.baton.credential.status.MutableClock;
import network.baton.credential.verify.IssuedChallenges.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class IssuedChallengesTest {
  private static final String EMPLOYER = "https://employer.example";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));
  private final IssuedChallenges challenges =
      new IssuedChallenges(new SecureRandom(), clock, Duration.ofMinutes(5), 3);

  @Test
  void aChallengeIsAcceptedOnceThenReportedAsUsed() {
    Challenge issued = challenges.issue(EMPLOYER);

    IssuedChallenges.Redemption first = challenges.redeem(issued.value());
    IssuedChallenges.Redemption again = challenges.redeem(issued.value());

    assertThat(first.outcome()).isEqualTo(Outcome.ACCEPTED);
    assertThat(first.nonceCheck(null).check(issued.value()).passed()).isTrue();
    assertThat(again.outcome()).isEqualTo(Outcome.USED);
    assertThat(again.nonceCheck(null).check(issued.value()).reason()).contains("replay");
  }

  @Test
  void unknownAndExpiredChallengesAreRefused() {
    Challenge issued = challenges.issue(EMPLOYER);
    clock.advance(Duration.ofMinutes(5));

    assertThat(challenges.redeem("made-up").outcome()).isEqualTo(Outcome.UNKNOWN);
    Check expired = challenges.redeem(issued.value()).nonceCheck(null).check(issued.value());
    assertThat(expired.passed()).isFalse();
    assertThat(expired.reason()).contains("expired at " + issued.expires());
  }

  @Test
  void thePresentationMustCarryTheChallengeAndTheDomainAskedMustBeItsOwn() {
    Challenge issued = challenges.issue(EMPLOYER);
    IssuedChallenges.Redemption accepted = challenges.redeem(issued.value());

    assertThat(accepted.nonceCheck(null).check("another").reason())
        .contains("carries the challenge another");
    assertThat(accepted.nonceCheck(null).check(null).reason()).contains("has no challenge");
    assertThat(accepted.nonceCheck("https://other.example").check(issued.value()).reason())
        .contains("issued for the domain " + EMPLOYER);
    assertThat(accepted.nonceCheck(EMPLOYER).check(issued.value()).passed()).isTrue();
  }

  @Test
  void challengesAreFreshRandomBase64UrlWithTheirExpiry() {
    Challenge a = challenges.issue(EMPLOYER);
    Challenge b = challenges.issue(EMPLOYER);

    assertThat(a.value()).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(b.value());
    assertThat(a.domain()).isEqualTo(EMPLOYER);
    assertThat(a.expires()).isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));
  }

  @Test
  void badSettingsAreRefused() {
    assertThatThrownBy(() -> new IssuedChallenges(new SecureRandom(), clock, Duration.ZERO, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new IssuedChallenges(new SecureRandom(), clock, Duration.ofMinutes(1), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> challenges.issue(" ")).isInstanceOf(IllegalArgumentException.class);
  }
}
