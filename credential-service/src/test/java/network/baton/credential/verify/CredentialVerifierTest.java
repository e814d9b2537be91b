package network.baton.credential.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The whole vc+jwt pipeline on an issued credential: every check passed, then dates, status, trust,
 * skills and extra checks each failing alone.
 */
class CredentialVerifierTest extends VcJwtVerifying {
  @Test
  void issuedCredentialPassesEveryCheckAndShowsItsSkillsInJapaneseAndEnglish() {
    VerificationReport report = verifier().verify(issue().jwt());

    assertThat(report.firstFailure()).isEmpty();
    assertThat(report.ok()).isTrue();
    assertThat(report.checks())
        .extracting(Check::name)
        .containsExactly(
            "format",
            "header",
            "credential",
            "key",
            "signature",
            "dates",
            "status",
            "issuer trusted",
            "skills");
    assertThat(report.issuer()).isEqualTo(node.did);
    assertThat(report.subject()).isEqualTo(holder);
    assertThat(report.achievement().iri()).isEqualTo("https://kosen.example/resources/kosen-ec101");
    assertThat(report.achievement().skills())
        .extracting(s -> s.labels().get("ja"))
        .containsExactly("電気化学", "電極塗工");
    assertThat(report.achievement().skills())
        .extracting(s -> s.labels().get("en"))
        .containsExactly("Electrochemistry", "Electrode coating");
  }

  @Test
  void expiredCredentialFailsTheDatesCheck() {
    VerificationReport report =
        verifier(UNTIL.plus(Duration.ofDays(1)), e -> StatusResult.valid("ok"))
            .verify(issue().jwt());

    assertThat(failureOf(report, "dates")).contains("expired on 2027-04-01T00:00:00Z");
    assertThat(report.check("signature").orElseThrow().passed()).isTrue();
  }

  @Test
  void notYetValidCredentialFailsTheDatesCheck() {
    VerificationReport report =
        verifier(FROM.minus(Duration.ofDays(1)), e -> StatusResult.valid("ok"))
            .verify(issue().jwt());

    assertThat(failureOf(report, "dates")).contains("not valid yet");
  }

  @Test
  void smallClockSkewIsTolerated() {
    VerificationReport report =
        verifier(FROM.minusSeconds(30), e -> StatusResult.valid("ok")).verify(issue().jwt());

    assertThat(report.check("dates").orElseThrow().passed()).isTrue();
  }

  @Test
  void revokedCredentialFailsTheStatusCheckWithTheCheckersReason() {
    ObjectNode entry =
        mapper
            .createObjectNode()
            .put("type", "BitstringStatusListEntry")
            .put("statusPurpose", "revocation")
            .put("statusListIndex", "7")
            .put("statusListCredential", "https://kosen.example/status/1");
    String jwt = node.issuer().issue(IssuerNode.request(holder, FROM, UNTIL), entry).jwt();
    Set<String> revoked = Set.of("7");
    StatusChecker checker =
        status ->
            revoked.contains(status.path("statusListIndex").asText())
                ? StatusResult.invalid("revoked (index 7 is set)")
                : StatusResult.valid("not revoked");

    assertThat(failureOf(verifier(NOW, checker).verify(jwt), "status"))
        .isEqualTo("revoked (index 7 is set)");
  }

  @Test
  void statusCheckerIsToldTheIssuer() {
    ObjectNode entry = mapper.createObjectNode().put("type", "BitstringStatusListEntry");
    String jwt = node.issuer().issue(IssuerNode.request(holder, FROM, UNTIL), entry).jwt();
    StatusChecker sameIssuerOnly =
        new StatusChecker() {
          @Override
          public StatusResult check(JsonNode status) {
            return StatusResult.invalid("issuer unknown");
          }

          @Override
          public StatusResult check(JsonNode status, String issuerDid) {
            return StatusResult.valid("list issued by " + issuerDid);
          }
        };

    assertThat(verifier(NOW, sameIssuerOnly).verify(jwt).check("status").orElseThrow().reason())
        .isEqualTo("list issued by " + node.did);
  }

  @Test
  void statusThatCannotBeCheckedFails() {
    ObjectNode entry = mapper.createObjectNode().put("type", "BitstringStatusListEntry");
    String jwt = node.issuer().issue(IssuerNode.request(holder, FROM, UNTIL), entry).jwt();
    StatusChecker unreachable =
        status -> {
          throw new IllegalStateException("status list https://kosen.example/status/1 timed out");
        };

    assertThat(failureOf(verifier(NOW, unreachable).verify(jwt), "status"))
        .contains("could not be checked")
        .contains("timed out");
  }

  @Test
  void issuerOutsideTheTrustListFailsTheTrustCheck() {
    CredentialVerifier untrusting =
        IssuerNode.verifier("did:web:someone.else", NOW, e -> StatusResult.valid("ok"));

    assertThat(failureOf(untrusting.verify(issue().jwt()), "issuer trusted"))
        .contains("not in the trust list");
  }

  @Test
  void credentialAligningToASkillOutsideTheFrameworkFailsTheSkillsCheck() throws Exception {
    ObjectNode vc = node.issuer().credential(IssuerNode.request(holder, FROM, UNTIL), null);
    ((ObjectNode) vc.at("/credentialSubject/achievement/alignment/0"))
        .put("targetUrl", "https://evil.example/skill");
    String jwt = node.issuer().sign(vc);

    assertThat(failureOf(verifier().verify(jwt), "skills")).contains("https://evil.example/skill");
  }

  @Test
  void extraChecksRunOnAuthenticCredentials() {
    VerificationReport report =
        verifier().withCheck(vc -> Check.fail("schema", "missing name")).verify(issue().jwt());

    assertThat(failureOf(report, "schema")).isEqualTo("missing name");
  }
}
