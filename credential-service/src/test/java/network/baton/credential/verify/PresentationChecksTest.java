package network.baton.credential.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import network.baton.credential.issue.FrameworkSkills;
import network.baton.credential.issue.HolderWallet;
import network.baton.credential.issue.VcContexts;
import network.baton.credential.status.StatusEntry;
import network.baton.credential.status.StatusPurpose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The presentation checks one at a time (challenge, audience, holder binding) with real holder keys
 * and real signatures, and the verification service built alone: no keys, no folder, no catalogue,
 * safe defaults.
 */
@Timeout(30)
class PresentationChecksTest {
  private static final Instant FROM = Instant.parse("2026-04-01T00:00:00Z");
  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  private static final String EMPLOYER = "https://employer.example";

  private final SecureRandom random = new SecureRandom();
  private final LocalIssuer node = new LocalIssuer();
  private final HolderWallet alice = HolderWallet.generate(random);
  private final HolderWallet bob = HolderWallet.generate(random);
  private final UsedNonces used = new UsedNonces(Duration.ofMinutes(10), 1_000);

  private PresentationRequirements expecting(String nonce) {
    return new PresentationRequirements(NonceCheck.remembered(nonce, used), EMPLOYER);
  }

  /** A vp+jwt's evidence after its gates (format, header, shape, key, signature), all passed. */
  private Evidence signedPresentation(String vp, PresentationRequirements required) {
    Evidence evidence = Evidence.ofPresentation(TextNode.valueOf(vp), required);
    for (VerificationCheck gate :
        List.of(
            new JwsFormatCheck(VcContexts.ENVELOPED_VP_PREFIX, "-"),
            new JwsHeaderCheck(new JwsHeaderPolicy(VcContexts.VP_JWT, "vp")),
            PresentationShapeCheck.jwt(),
            new JwsKeyCheck(new KeyBinding(node.resolver), KeyPurpose.AUTHENTICATION),
            new JwsSignatureCheck())) {
      assertThat(gate.check(evidence)).allMatch(Check::passed);
    }
    return evidence;
  }

  private String credentialFor(HolderWallet holder) {
    return node.jwt(holder.did(), FROM, null, null);
  }

  private static Check only(List<Check> checks) {
    assertThat(checks).hasSize(1);
    return checks.get(0);
  }

  @Test
  void wrongChallengeFailsTheNonceCheck() {
    String vp = alice.present(List.of(credentialFor(alice)), "what-alice-signed", EMPLOYER);

    Check check = only(ChallengeCheck.nonceClaim().check(signedPresentation(vp, expecting("n-1"))));

    assertThat(check.passed()).isFalse();
    assertThat(check.reason()).isEqualTo("nonce what-alice-signed is not the one handed out");
  }

  @Test
  void replayedChallengeFailsTheNonceCheck() {
    String vp = alice.present(List.of(credentialFor(alice)), "n-1", EMPLOYER);

    Check first = only(ChallengeCheck.nonceClaim().check(signedPresentation(vp, expecting("n-1"))));
    Check replay =
        only(ChallengeCheck.nonceClaim().check(signedPresentation(vp, expecting("n-1"))));

    assertThat(first.passed()).isTrue();
    assertThat(replay.passed()).isFalse();
    assertThat(replay.reason()).contains("replay");
  }

  @Test
  void wrongDomainFailsTheAudienceCheck() {
    String vp = alice.present(List.of(credentialFor(alice)), "n-1", "https://someone-else.example");

    Check check = only(AudienceCheck.audClaim().check(signedPresentation(vp, expecting("n-1"))));

    assertThat(check.passed()).isFalse();
    assertThat(check.reason()).contains("not for " + EMPLOYER);
  }

  @Test
  void wrongDomainInADataIntegrityProofFailsTheAudienceCheck() throws Exception {
    String vp =
        alice.presentDataIntegrity(
            List.of(node.dataIntegrity(alice.did(), FROM, null)),
            "n-1",
            "https://someone-else.example",
            NOW,
            LocalIssuer.SUITE);
    JsonNode document = CompactJws.strictJson().readTree(vp);
    Evidence evidence = Evidence.ofPresentation(document, expecting("n-1"));
    assertThat(EmbeddedProofFormatCheck.presentation().check(evidence)).allMatch(Check::passed);
    assertThat(PresentationShapeCheck.embedded().check(evidence)).allMatch(Check::passed);
    assertThat(
            new DataIntegrityProofCheck(LocalIssuer.SUITE, node.resolver, KeyPurpose.AUTHENTICATION)
                .check(evidence))
        .allMatch(Check::passed);

    Check audience = only(AudienceCheck.proofDomain().check(evidence));
    Check challenge = only(ChallengeCheck.proofChallenge().check(evidence));

    assertThat(audience.passed()).isFalse();
    assertThat(audience.reason()).contains("not for " + EMPLOYER);
    assertThat(challenge.passed()).isTrue();
  }

  @Test
  void someoneElsesCredentialFailsHolderBinding() {
    String vp = alice.present(List.of(credentialFor(bob)), "n-1", EMPLOYER);
    CredentialVerifier credentials = verifierTrustingTheNode().credentials();
    Evidence evidence = signedPresentation(vp, expecting("n-1"));

    List<Check> checks = HeldCredentialsCheck.enveloped(credentials::verify).check(evidence);

    assertThat(only(checks).name()).isEqualTo("holder binding");
    assertThat(only(checks).passed()).isFalse();
    assertThat(only(checks).reason()).contains("is about " + bob.did());
    assertThat(evidence.credentials()).hasSize(1);
    assertThat(evidence.credentials().get(0).ok()).isTrue();
  }

  private VerificationService verifierTrustingTheNode() {
    return VerificationService.builder(node.resolver)
        .trust(new ConfiguredTrustList(Set.of(LocalIssuer.DID)))
        .skills(new FrameworkSkills())
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .dataIntegrity(LocalIssuer.SUITE)
        .defaultDomain(EMPLOYER)
        .build();
  }

  @Test
  void aVerifierBuiltAloneTrustsNobodyAndFailsStatusItCannotCheck() {
    VerificationService bare = VerificationService.builder(node.resolver).build();
    JsonNode entry =
        StatusEntry.of(
                URI.create("https://kosen.example/status/0-revocation"),
                StatusPurpose.REVOCATION,
                1)
            .toJson();

    VerificationReport report =
        bare.verifyCredential(TextNode.valueOf(node.jwt(alice.did(), FROM, null, entry)));

    assertThat(report.check("signature").orElseThrow().passed()).isTrue();
    assertThat(report.check("status").orElseThrow().passed()).isFalse();
    assertThat(report.check("issuer trusted").orElseThrow().passed()).isFalse();
    assertThat(report.ok()).isFalse();
    assertThatThrownBy(() -> bare.newChallenge(null)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aVerifierBuiltAloneVerifiesBothFormatsAndAcceptsItsChallengeOnce() throws Exception {
    VerificationService verifier = verifierTrustingTheNode();
    Challenge challenge = verifier.newChallenge(null);
    String vp = alice.present(List.of(credentialFor(alice)), challenge.value(), challenge.domain());

    VerificationReport jwt = verifier.verifyCredential(TextNode.valueOf(credentialFor(alice)));
    VerificationReport dataIntegrity =
        verifier.verifyCredential(node.dataIntegrity(alice.did(), FROM, null));
    VerificationReport first =
        verifier.verifyIssuedChallenge(TextNode.valueOf(vp), challenge.value(), null);
    VerificationReport replay =
        verifier.verifyIssuedChallenge(TextNode.valueOf(vp), challenge.value(), null);

    assertThat(jwt.ok()).as(jwt.toText()).isTrue();
    assertThat(dataIntegrity.ok()).as(dataIntegrity.toText()).isTrue();
    assertThat(first.ok()).as(first.toText()).isTrue();
    assertThat(replay.check("nonce").orElseThrow().reason()).contains("already used");
  }
}
