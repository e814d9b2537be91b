package network.baton.credential.verify;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.util.Base64URL;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import network.baton.credential.did.DidKey;
import network.baton.credential.issue.HolderWallet;
import network.baton.credential.jose.BcJose;
import network.baton.credential.keys.KeyAlgorithm;
import network.baton.credential.keys.SigningKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class PresentationVerifierTest {
  private static final Instant FROM = Instant.parse("2026-04-01T00:00:00Z");
  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  private static final String EMPLOYER = "https://employer.example";

  private final ObjectMapper mapper = new ObjectMapper();
  private final SecureRandom random = new SecureRandom();
  private final HolderWallet alice = HolderWallet.generate(random);
  private final HolderWallet bob = HolderWallet.generate(random);
  private IssuerNode node;
  private PresentationVerifier verifier;

  @BeforeEach
  void start() throws Exception {
    node = new IssuerNode(KeyAlgorithm.ED25519);
    CredentialVerifier credentials =
        IssuerNode.verifier(node.did, NOW, e -> StatusResult.valid("not revoked"));
    verifier =
        new PresentationVerifier(
            credentials, IssuerNode.resolver(), new UsedNonces(Duration.ofMinutes(10), 10_000));
  }

  @AfterEach
  void stop() {
    node.close();
  }

  private String credentialFor(HolderWallet holder) {
    return node.issuer().issue(IssuerNode.request(holder.did(), FROM, null), null).jwt();
  }

  private static String failureOf(VerificationReport report, String check) {
    assertThat(report.ok()).isFalse();
    Check c =
        report.checks().stream()
            .filter(x -> x.name().equals(check) && !x.passed())
            .findFirst()
            .orElseThrow(() -> new AssertionError("no failed check " + check + ": " + report));
    return c.reason();
  }

  @Test
  void holderPresentsAndTheVerifierSeesTheSkills() {
    String vp = alice.present(List.of(credentialFor(alice)), "n-1", EMPLOYER);

    VerificationReport report = verifier.verify(vp, "n-1", EMPLOYER);

    assertThat(report.firstFailure()).isEmpty();
    assertThat(report.ok()).isTrue();
    assertThat(report.subject()).isEqualTo(alice.did());
    assertThat(report.checks())
        .extracting(Check::name)
        .contains("key", "signature", "nonce", "audience", "holder binding");
    assertThat(report.credentials()).hasSize(1);
    assertThat(report.credentials().get(0).achievement().skills())
        .extracting(s -> s.labels().get("ja"))
        .containsExactly("電気化学", "電極塗工");
  }

  @Test
  void textReportListsEveryCheckAndTheSkillsInBothLanguages() {
    String vp = alice.present(List.of(credentialFor(alice)), "n-2", EMPLOYER);

    String text = verifier.verify(vp, "n-2", "https://someone-else.example").toText();

    assertThat(text).startsWith("NOT VALID");
    assertThat(text).contains("[FAIL] audience: made for");
    assertThat(text).contains("[pass] holder binding");
    assertThat(text)
        .contains("skill ECH 電気化学 / Electrochemistry <https://w3id.org/baton/skill/ECH>");
    assertThat(text).contains("    VALID - issuer " + node.did);
  }

  @Test
  void credentialOfAnotherHolderFailsHolderBinding() {
    String vp = bob.present(List.of(credentialFor(alice)), "n-1", EMPLOYER);

    VerificationReport report = verifier.verify(vp, "n-1", EMPLOYER);

    assertThat(failureOf(report, "holder binding"))
        .contains("is about " + alice.did())
        .contains("not the presenting holder " + bob.did());
    assertThat(report.credentials().get(0).ok()).isTrue();
  }

  @Test
  void wrongNonceIsRefused() {
    String vp = alice.present(List.of(credentialFor(alice)), "n-old", EMPLOYER);

    assertThat(failureOf(verifier.verify(vp, "n-fresh", EMPLOYER), "nonce"))
        .contains("not the one handed out");
  }

  @Test
  void replayedPresentationIsRefused() {
    String vp = alice.present(List.of(credentialFor(alice)), "n-1", EMPLOYER);

    assertThat(verifier.verify(vp, "n-1", EMPLOYER).ok()).isTrue();
    assertThat(failureOf(verifier.verify(vp, "n-1", EMPLOYER), "nonce")).contains("replay");
  }

  @Test
  void wrongAudienceIsRefused() {
    String vp = alice.present(List.of(credentialFor(alice)), "n-1", "https://other.example");

    assertThat(failureOf(verifier.verify(vp, "n-1", EMPLOYER), "audience"))
        .contains("not for " + EMPLOYER);
  }

  @Test
  void presentationSignedByAnotherKeyThanTheHoldersIsRefused() throws Exception {
    String vp = alice.present(List.of(credentialFor(alice)), "n-1", EMPLOYER);
    SigningKey mallory = SigningKey.generate(KeyAlgorithm.ED25519, "m", random);
    String[] parts = vp.split("\\.");
    ObjectNode header = (ObjectNode) mapper.readTree(Base64URL.from(parts[0]).decodeToString());
    header.put("kid", DidKey.keyId(mallory.publicKey()));
    String input = Base64URL.encode(mapper.writeValueAsBytes(header)) + "." + parts[1];
    String forged =
        input
            + "."
            + BcJose.signer(mallory)
                .sign(new JWSHeader(mallory.algorithm().jwsAlgorithm()), input.getBytes(UTF_8));

    assertThat(failureOf(verifier.verify(forged, "n-1", EMPLOYER), "key"))
        .contains("not of " + alice.did());
  }

  @Test
  void tamperedPresentationFailsTheSignatureCheck() throws Exception {
    String vp = alice.present(List.of(credentialFor(alice)), "n-1", "https://other.example");
    String[] parts = vp.split("\\.");
    ObjectNode payload = (ObjectNode) mapper.readTree(Base64URL.from(parts[1]).decodeToString());
    payload.put("aud", EMPLOYER);
    String tampered =
        parts[0] + "." + Base64URL.encode(mapper.writeValueAsBytes(payload)) + "." + parts[2];

    assertThat(failureOf(verifier.verify(tampered, "n-1", EMPLOYER), "signature"))
        .contains("does not match");
  }

  @Test
  void tamperedEnvelopedCredentialFailsTheWholePresentation() throws Exception {
    String[] vc = credentialFor(alice).split("\\.");
    ObjectNode payload = (ObjectNode) mapper.readTree(Base64URL.from(vc[1]).decodeToString());
    payload.put("validUntil", "2099-01-01T00:00:00Z");
    String tamperedVc =
        vc[0] + "." + Base64URL.encode(mapper.writeValueAsBytes(payload)) + "." + vc[2];
    String vp = alice.present(List.of(tamperedVc), "n-1", EMPLOYER);

    VerificationReport report = verifier.verify(vp, "n-1", EMPLOYER);

    assertThat(report.ok()).isFalse();
    assertThat(report.credentials().get(0).check("signature").orElseThrow().passed()).isFalse();
  }

  @Test
  void aCredentialIsNotAcceptedAsAPresentation() {
    assertThat(failureOf(verifier.verify(credentialFor(alice), "n-1", EMPLOYER), "header"))
        .contains("expected \"vp+jwt\"");
  }

  @Test
  void presentationOverOneMebibyteIsRefused() {
    String huge = "a".repeat(CompactJws.MAX_CHARS + 1) + ".b.c";

    assertThat(failureOf(verifier.verify(huge, "n-1", EMPLOYER), "format"))
        .contains("more than the limit");
  }

  @Test
  void nonceIsNotUsedUpByAPresentationWithABadSignature() throws Exception {
    String good = alice.present(List.of(credentialFor(alice)), "n-1", EMPLOYER);
    String[] parts = good.split("\\.");
    String badSignature = parts[0] + "." + parts[1] + "." + Base64URL.encode(new byte[64]);

    assertThat(verifier.verify(badSignature, "n-1", EMPLOYER).ok()).isFalse();
    assertThat(verifier.verify(good, "n-1", EMPLOYER).ok()).isTrue();
    assertThat(JWSObject.parse(good).getHeader().getKeyID()).startsWith(alice.did() + "#");
  }
}
