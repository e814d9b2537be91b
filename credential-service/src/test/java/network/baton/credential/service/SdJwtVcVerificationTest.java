package network.baton.credential.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.sd.Disclosure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import network.baton.credential.did.DidResolutionException;
import network.baton.credential.issue.JwsSigning;
import network.baton.credential.keys.KeyAlgorithm;
import network.baton.credential.keys.NodeKeys;
import network.baton.credential.keys.SigningKey;
import network.baton.credential.sdjwt.SdJwt;
import network.baton.credential.sdjwt.SdJwtPresenter;
import network.baton.credential.status.MutableClock;
import network.baton.credential.verify.Check;
import network.baton.credential.verify.PresentationOptions;
import network.baton.credential.verify.VerificationReport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SD-JWT VC issued by a real node and verified by its verifier (and by another node's, through
 * status list tokens): the round trip, every refusal, selective disclosure and key binding.
 */
class SdJwtVcVerificationTest {
  private static final String AUD = "https://employer.example";

  @TempDir Path dir;
  private final NodeKeys keys = ServiceFixture.keys();
  private final ObjectMapper json = new ObjectMapper();
  private final SigningKey holder =
      SigningKey.generate(KeyAlgorithm.ED25519, "holder", new SecureRandom());
  private final MutableClock clock = new MutableClock(Instant.parse("2026-04-01T09:00:00Z"));
  private ServiceFixture.Services node;

  @BeforeEach
  void open() throws IOException {
    node =
        open(
            dir.resolve("issuer"),
            ServiceFixture.BASE_URL,
            url -> {
              throw new IOException("no network: " + url);
            });
  }

  @org.junit.jupiter.api.AfterEach
  void close() throws IOException {
    node.close();
  }

  private ServiceFixture.Services open(
      Path data, URI base, network.baton.credential.status.StatusListFetcher lists)
      throws IOException {
    return ServiceFixture.open(
        data,
        keys,
        base,
        did -> {
          throw new DidResolutionException("no network: " + did);
        },
        lists,
        Set.of(),
        clock);
  }

  private SecuredCredential issue(Instant until) throws IOException {
    return node.issuance().issueSdJwtVc(FixtureCourses.COURSE, holder.publicKey(), null, until);
  }

  private VerificationReport verify(String sdJwt) {
    return node.verification().verifyCredential(TextNode.valueOf(sdJwt));
  }

  private VerificationReport present(String presentation, String nonce) {
    return node.verification()
        .verifyPresentation(
            TextNode.valueOf(presentation), new PresentationOptions(nonce, AUD, true, false));
  }

  private String presentation(SecuredCredential credential, List<String> codes, String nonce) {
    SdJwt chosen = SdJwtPresenter.choose(SdJwt.parse(credential.jwt()), codes);
    return SdJwtPresenter.present(chosen, holder, nonce, AUD, clock.instant()).toString();
  }

  private static Check check(VerificationReport report, String name) {
    return report
        .check(name)
        .orElseThrow(() -> new AssertionError("no check " + name + ":\n" + report.toText()));
  }

  private String payloadPart(String sdJwt) {
    return SdJwt.parse(sdJwt).issuerJwt().split("\\.")[1];
  }

  private ObjectNode payload(String sdJwt) throws IOException {
    return (ObjectNode) json.readTree(Base64.getUrlDecoder().decode(payloadPart(sdJwt)));
  }

  // The issuer-signed JWT with this header and payload, signed by the node's key (or none).
  private String resigned(String sdJwt, JWSHeader header, JsonNode payload) {
    SdJwt parsed = SdJwt.parse(sdJwt);
    String jwt =
        JwsSigning.sign(
            header, payload.toString().getBytes(StandardCharsets.UTF_8), keys.current());
    return new SdJwt(jwt, parsed.disclosures(), parsed.keyBinding()).toString();
  }

  private JWSHeader header(String kid) {
    return new JWSHeader.Builder(keys.current().algorithm().jwsAlgorithm())
        .type(new JOSEObjectType("dc+sd-jwt"))
        .keyID(kid)
        .build();
  }

  private String kid(String sdJwt) throws IOException {
    String header = SdJwt.parse(sdJwt).issuerJwt().split("\\.")[0];
    return json.readTree(Base64.getUrlDecoder().decode(header)).path("kid").asText();
  }

  @Test
  void issuedCredentialVerifiesAndReportsEveryDisclosedSkill() throws IOException {
    VerificationReport report = verify(issue(null).jwt());

    assertThat(report.ok()).as(report.toText()).isTrue();
    assertThat(report.checks())
        .extracting(Check::name)
        .containsExactly(
            "format",
            "header",
            "credential",
            "key",
            "signature",
            "disclosures",
            "key binding",
            "dates",
            "token status",
            "issuer trusted",
            "skills");
    assertThat(report.issuer()).isEqualTo(node.issuance().issuerDid());
    assertThat(report.disclosed()).containsExactly("skills[0]", "skills[1]");
    assertThat(report.achievement().iri()).isEqualTo(FixtureCourses.COURSE);
    assertThat(report.achievement().skills())
        .extracting(s -> s.code())
        .containsExactlyInAnyOrder("ECH-THERMO", "MFG-COAT");
  }

  @Test
  void olderVcSdJwtTypIsAccepted() throws IOException {
    String sdJwt = issue(null).jwt();
    JWSHeader older =
        new JWSHeader.Builder(keys.current().algorithm().jwsAlgorithm())
            .type(new JOSEObjectType("vc+sd-jwt"))
            .keyID(kid(sdJwt))
            .build();
    VerificationReport report = verify(resigned(sdJwt, older, payload(sdJwt)));
    assertThat(report.ok()).as(report.toText()).isTrue();
  }

  @Test
  void tamperedPayloadFailsTheSignatureCheck() throws IOException {
    String sdJwt = issue(null).jwt();
    ObjectNode payload = payload(sdJwt);
    ((ObjectNode) payload.path("achievement")).put("id", "https://kosen.example/resources/other");
    String changed =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8));
    VerificationReport report = verify(sdJwt.replace(payloadPart(sdJwt), changed));

    assertThat(report.ok()).isFalse();
    assertThat(check(report, "signature").passed()).isFalse();
    assertThat(report.check("disclosures")).isEmpty();
  }

  @Test
  void alteredDisclosureIsRefusedAsUnsigned() throws IOException {
    SdJwt sdJwt = SdJwt.parse(issue(null).jwt());
    String original = sdJwt.disclosures().get(0);
    JsonNode array = json.readTree(Base64.getUrlDecoder().decode(original));
    ((ObjectNode) array.get(1)).put("code", "SAF-MGMT");
    String altered =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(array.toString().getBytes(StandardCharsets.UTF_8));
    VerificationReport report =
        verify(sdJwt.withDisclosures(List.of(altered, sdJwt.disclosures().get(1))).toString());

    assertThat(report.ok()).isFalse();
    assertThat(check(report, "disclosures").reason()).contains("not in the signed JWT");
  }

  @Test
  void disclosureWhoseDigestIsNotInTheJwtIsRefused() throws IOException {
    SdJwt sdJwt = SdJwt.parse(issue(null).jwt());
    String extra =
        new Disclosure(Map.of("id", "https://w3id.org/baton/skill/SAF-MGMT", "code", "SAF-MGMT"))
            .getDisclosure();
    List<String> more = new java.util.ArrayList<>(sdJwt.disclosures());
    more.add(extra);
    VerificationReport report = verify(sdJwt.withDisclosures(more).toString());

    assertThat(report.ok()).isFalse();
    assertThat(check(report, "disclosures").reason())
        .isEqualTo("disclosure 3's digest is not in the signed JWT: an unsigned disclosure");
  }

  @Test
  void duplicateDisclosureIsRefused() throws IOException {
    SdJwt sdJwt = SdJwt.parse(issue(null).jwt());
    String first = sdJwt.disclosures().get(0);
    VerificationReport report = verify(sdJwt.withDisclosures(List.of(first, first)).toString());

    assertThat(check(report, "disclosures").passed()).isFalse();
    assertThat(check(report, "disclosures").reason()).contains("presented twice");
  }

  @Test
  void algNoneIsRefusedByTheHeaderCheck() throws IOException {
    String sdJwt = issue(null).jwt();
    String none =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                "{\"alg\":\"none\",\"typ\":\"dc+sd-jwt\"}".getBytes(StandardCharsets.UTF_8));
    SdJwt parsed = SdJwt.parse(sdJwt);
    String unsigned = none + "." + payloadPart(sdJwt) + ".";
    VerificationReport report = verify(new SdJwt(unsigned, parsed.disclosures(), null).toString());

    assertThat(report.ok()).isFalse();
    assertThat(check(report, "header").reason()).contains("alg 'none'");
  }

  @Test
  void unknownKidIsRefusedByTheKeyCheck() throws IOException {
    String sdJwt = issue(null).jwt();
    String did = node.issuance().issuerDid();
    VerificationReport report = verify(resigned(sdJwt, header(did + "#key-9"), payload(sdJwt)));

    assertThat(report.ok()).isFalse();
    assertThat(check(report, "key").reason()).contains("has no key " + did + "#key-9");
  }

  @Test
  void expiredCredentialFailsTheDatesCheck() throws IOException {
    String sdJwt = issue(clock.instant().plus(Duration.ofDays(30))).jwt();
    assertThat(verify(sdJwt).ok()).isTrue();

    clock.advance(Duration.ofDays(31));
    VerificationReport report = verify(sdJwt);

    assertThat(report.ok()).isFalse();
    assertThat(check(report, "dates").reason()).startsWith("expired on");
  }

  @Test
  void revokedAndSuspendedShowInTheTokenStatusAndUnsuspendRestoresIt() throws IOException {
    SecuredCredential suspended = issue(null);
    SecuredCredential revoked = issue(null);

    node.issuance().setStatus(suspended.id(), StatusAction.SUSPEND);
    node.issuance().setStatus(revoked.id(), StatusAction.REVOKE);

    assertThat(check(verify(suspended.jwt()), "token status").reason()).startsWith("suspended");
    assertThat(check(verify(revoked.jwt()), "token status").reason()).startsWith("revoked");
    assertThat(verify(revoked.jwt()).ok()).isFalse();

    node.issuance().setStatus(suspended.id(), StatusAction.UNSUSPEND);
    VerificationReport back = verify(suspended.jwt());
    assertThat(back.ok()).as(back.toText()).isTrue();
    assertThat(check(back, "token status").reason()).startsWith("valid");
  }

  @Test
  void anotherNodeChecksStatusThroughTheSignedStatusListToken() throws IOException {
    SecuredCredential credential = issue(null);
    node.issuance().setStatus(credential.id(), StatusAction.SUSPEND);
    String prefix = ServiceFixture.BASE_URL + "/statuslists/token/";
    try (ServiceFixture.Services other =
        ServiceFixture.open(
            dir.resolve("verifier"),
            ServiceFixture.keys(),
            URI.create("https://uni.example"),
            did -> node.issuance().didDocument(),
            url -> node.issuance().statusListToken(url.toString().substring(prefix.length())),
            Set.of(node.issuance().issuerDid()),
            clock)) {
      VerificationReport report =
          other.verification().verifyCredential(TextNode.valueOf(credential.jwt()));
      assertThat(check(report, "token status").reason()).startsWith("suspended");
      assertThat(check(report, "signature").passed()).isTrue();
    }
  }

  @Test
  void aStatusListTokenForAnotherUriIsRefused() throws IOException {
    SecuredCredential credential = issue(null);
    try (ServiceFixture.Services other =
        ServiceFixture.open(
            dir.resolve("verifier"),
            ServiceFixture.keys(),
            URI.create("https://uni.example"),
            did -> node.issuance().didDocument(),
            // The node's list 0 token, served for whatever URI is asked (sub is list 0's own URI).
            url -> node.issuance().statusListToken("0"),
            Set.of(node.issuance().issuerDid()),
            clock)) {
      String moved = credential.jwt(); // points at list 0: accepted
      assertThat(
              check(other.verification().verifyCredential(TextNode.valueOf(moved)), "token status")
                  .passed())
          .isTrue();
    }
    // Same token answered for another URI: sub does not match.
    try (ServiceFixture.Services other =
        ServiceFixture.open(
            dir.resolve("verifier2"),
            ServiceFixture.keys(),
            URI.create("https://uni.example"),
            did -> node.issuance().didDocument(),
            url -> node.issuance().statusListToken("0"),
            Set.of(node.issuance().issuerDid()),
            clock)) {
      ObjectNode payload = payload(credential.jwt());
      ((ObjectNode) payload.path("status").path("status_list"))
          .put("uri", "https://kosen.example/statuslists/token/7");
      String elsewhere = resigned(credential.jwt(), header(kid(credential.jwt())), payload);
      Check status =
          check(other.verification().verifyCredential(TextNode.valueOf(elsewhere)), "token status");
      assertThat(status.passed()).isFalse();
      assertThat(status.reason()).contains("sub");
    }
  }

  @Test
  void presentationOfSomeSkillsReportsExactlyThose() throws IOException {
    SecuredCredential credential = issue(null);
    VerificationReport report =
        present(presentation(credential, List.of("MFG-COAT"), "n-1"), "n-1");

    assertThat(report.ok()).as(report.toText()).isTrue();
    assertThat(report.disclosed()).containsExactly("skills[0]");
    assertThat(report.achievement().skills()).extracting(s -> s.code()).containsExactly("MFG-COAT");
    assertThat(check(report, "key binding").passed()).isTrue();
    assertThat(check(report, "nonce").passed()).isTrue();
    assertThat(check(report, "audience").passed()).isTrue();
  }

  @Test
  void replayedPresentationFailsTheNonceCheck() throws IOException {
    String vp = presentation(issue(null), List.of("MFG-COAT"), "n-2");
    assertThat(present(vp, "n-2").ok()).isTrue();
    assertThat(check(present(vp, "n-2"), "nonce").reason()).contains("replay");
  }

  @Test
  void wrongNonceFailsTheNonceCheck() throws IOException {
    VerificationReport report = present(presentation(issue(null), List.of(), "other"), "n-3");
    assertThat(report.ok()).isFalse();
    assertThat(check(report, "nonce").reason()).contains("is not the one handed out");
  }

  @Test
  void wrongAudienceFailsTheAudienceCheck() throws IOException {
    SdJwt chosen = SdJwtPresenter.choose(SdJwt.parse(issue(null).jwt()), List.of());
    String vp =
        SdJwtPresenter.present(chosen, holder, "n-4", "https://other.example", clock.instant())
            .toString();
    VerificationReport report = present(vp, "n-4");
    assertThat(check(report, "audience").reason()).contains("not this verifier");
  }

  @Test
  void staleKeyBindingIsRefused() throws IOException {
    String vp = presentation(issue(null), List.of("MFG-COAT"), "n-5");
    clock.advance(Duration.ofMinutes(10));
    VerificationReport report = present(vp, "n-5");
    assertThat(report.ok()).isFalse();
    assertThat(check(report, "key binding").reason()).contains("stale");
  }

  @Test
  void keyBindingSignedByAnotherKeyIsRefused() throws IOException {
    SdJwt chosen = SdJwtPresenter.choose(SdJwt.parse(issue(null).jwt()), List.of("MFG-COAT"));
    SigningKey thief = SigningKey.generate(KeyAlgorithm.ED25519, "thief", new SecureRandom());
    String vp = SdJwtPresenter.present(chosen, thief, "n-6", AUD, clock.instant()).toString();
    VerificationReport report = present(vp, "n-6");
    assertThat(report.ok()).isFalse();
    assertThat(check(report, "key binding").reason()).contains("does not match the holder's key");
  }

  @Test
  void disclosureAddedAfterKeyBindingFailsTheSdHash() throws IOException {
    SecuredCredential credential = issue(null);
    SdJwt full = SdJwt.parse(credential.jwt());
    SdJwt vp = SdJwt.parse(presentation(credential, List.of("MFG-COAT"), "n-7"));
    // Both skills disclosed, with the KB-JWT made over one: sd_hash no longer matches.
    String tampered = full.withKeyBinding(vp.keyBinding()).toString();
    VerificationReport report = present(tampered, "n-7");
    assertThat(report.ok()).isFalse();
    assertThat(check(report, "key binding").reason()).startsWith("sd_hash does not match");
  }

  @Test
  void presentationWithoutKeyBindingIsRefused() throws IOException {
    VerificationReport report = present(issue(null).jwt(), "n-8");
    assertThat(report.ok()).isFalse();
    assertThat(check(report, "key binding").reason()).contains("no key binding JWT");
  }

  @Test
  void badInputIsAClearRefusalNeverAnException() throws IOException {
    String sdJwt = issue(null).jwt();
    String jwt = SdJwt.parse(sdJwt).issuerJwt();
    StringBuilder deep = new StringBuilder("[\"salt\",");
    for (int i = 0; i < 5000; i++) deep.append('[');
    for (int i = 0; i < 5000; i++) deep.append(']');
    deep.append(']');
    String deepDisclosure =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(deep.toString().getBytes(StandardCharsets.UTF_8));
    Map<String, String> cases =
        Map.of(
            "not base64url", jwt + "~not*base64~",
            "huge", jwt + "~" + "A".repeat(SdJwt.MAX_CHARS) + "~",
            "deep JSON", jwt + "~" + deepDisclosure + "~",
            "not JSON",
                jwt
                    + "~"
                    + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString("{{{".getBytes(StandardCharsets.UTF_8))
                    + "~",
            "empty disclosure", jwt + "~~~",
            "garbage JWT", "a.b.c~");
    cases.forEach(
        (what, input) -> {
          VerificationReport report = verify(input);
          assertThat(report.ok()).as(what).isFalse();
          assertThat(report.firstFailure().orElseThrow().reason()).as(what).isNotBlank();
        });
    assertThat(check(verify(jwt + "~not*base64~"), "format").reason()).contains("not base64url");
    assertThat(check(verify(jwt + "~" + "A".repeat(SdJwt.MAX_CHARS) + "~"), "format").reason())
        .contains("limit");
    assertThat(check(verify(jwt + "~" + deepDisclosure + "~"), "disclosures").reason())
        .contains("not a JSON array");
  }
}
