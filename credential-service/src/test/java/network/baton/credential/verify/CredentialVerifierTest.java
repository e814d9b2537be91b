package network.baton.credential.verify;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import network.baton.credential.did.DidDocument;
import network.baton.credential.did.DidKey;
import network.baton.credential.issue.FrameworkSkills;
import network.baton.credential.issue.HolderWallet;
import network.baton.credential.issue.IssuedCredential;
import network.baton.credential.jose.BcJose;
import network.baton.credential.keys.KeyAlgorithm;
import network.baton.credential.keys.SigningKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class CredentialVerifierTest {
  private static final Instant FROM = Instant.parse("2026-04-01T00:00:00Z");
  private static final Instant UNTIL = Instant.parse("2027-04-01T00:00:00Z");
  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

  private final ObjectMapper mapper = new ObjectMapper();
  private final SecureRandom random = new SecureRandom();
  private final String holder = HolderWallet.generate(random).did();
  private IssuerNode node;

  @BeforeEach
  void startNode() throws Exception {
    node = new IssuerNode(KeyAlgorithm.ED25519);
  }

  @AfterEach
  void stopNode() {
    node.close();
  }

  private CredentialVerifier verifier(Instant now, StatusChecker status) {
    return new CredentialVerifier(
        IssuerNode.resolver(),
        new ConfiguredTrustList(Set.of(node.did)),
        status,
        new FrameworkSkills(),
        Clock.fixed(now, ZoneOffset.UTC));
  }

  private CredentialVerifier verifier() {
    return verifier(NOW, entry -> StatusResult.valid("not revoked"));
  }

  private IssuedCredential issue() {
    return node.issuer().issue(IssuerNode.request(holder, FROM, UNTIL), null);
  }

  /** Signs arbitrary header and payload JSON with a key, as an attacker could. */
  private static String signRaw(String header, String payload, SigningKey key) throws Exception {
    String input = Base64URL.encode(header) + "." + Base64URL.encode(payload);
    JWSHeader algOnly = new JWSHeader(key.algorithm().jwsAlgorithm());
    return input + "." + BcJose.signer(key).sign(algOnly, input.getBytes(UTF_8));
  }

  private String header(String alg, String kid) {
    return "{\"alg\":\"" + alg + "\",\"typ\":\"vc+jwt\",\"kid\":\"" + kid + "\"}";
  }

  private String payloadOf(String jwt) throws Exception {
    return JWSObject.parse(jwt).getPayload().toString();
  }

  private static String failureOf(VerificationReport report, String check) {
    assertThat(report.ok()).isFalse();
    Check c =
        report
            .check(check)
            .orElseThrow(() -> new AssertionError("no check " + check + ": " + report));
    assertThat(c.passed()).as(c.reason()).isFalse();
    return c.reason();
  }

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
  void es256CredentialVerifies() throws Exception {
    try (IssuerNode p256 = new IssuerNode(KeyAlgorithm.P256)) {
      String jwt = p256.issuer().issue(IssuerNode.request(holder, FROM, UNTIL), null).jwt();
      CredentialVerifier verifier =
          new CredentialVerifier(
              IssuerNode.resolver(),
              new ConfiguredTrustList(Set.of(p256.did)),
              e -> StatusResult.valid("ok"),
              new FrameworkSkills(),
              Clock.fixed(NOW, ZoneOffset.UTC));

      assertThat(verifier.verify(jwt).ok()).isTrue();
    }
  }

  @Test
  void credentialSignedBeforeKeyRotationStillVerifies() {
    String before = issue().jwt();
    node.rotate(KeyAlgorithm.ED25519);
    String after = issue().jwt();

    assertThat(verifier().verify(before).ok()).isTrue();
    assertThat(verifier().verify(after).ok()).isTrue();
    assertThat(verifier().verify(after).check("key").orElseThrow().reason()).contains("#key-2");
  }

  @Test
  void algNoneIsRefused() throws Exception {
    String payload = payloadOf(issue().jwt());
    String unsecured =
        Base64URL.encode(header("none", node.did + "#key-1"))
            + "."
            + Base64URL.encode(payload)
            + ".";

    assertThat(failureOf(verifier().verify(unsecured), "header")).contains("'none'");
  }

  @Test
  void hs256SignedWithTheIssuerPublicKeyAsSecretIsRefused() throws Exception {
    String payload = payloadOf(issue().jwt());
    byte[] publicKeyAsSecret = node.currentKey().publicKey().encoded();
    JWSObject forged =
        new JWSObject(
            new JWSHeader.Builder(JWSAlgorithm.HS256)
                .keyID(node.did + "#key-1")
                .type(new com.nimbusds.jose.JOSEObjectType("vc+jwt"))
                .build(),
            new Payload(payload));
    forged.sign(new MACSigner(publicKeyAsSecret));

    assertThat(failureOf(verifier().verify(forged.serialize()), "header"))
        .contains("'HS256'")
        .contains("shared-secret");
  }

  @Test
  void kidOfAnotherDidIsRefused() throws Exception {
    SigningKey attacker = SigningKey.generate(KeyAlgorithm.ED25519, "x", random);
    String kid = DidKey.keyId(attacker.publicKey());
    String forged = signRaw(header("EdDSA", kid), payloadOf(issue().jwt()), attacker);

    assertThat(failureOf(verifier().verify(forged), "key"))
        .contains("is a key of " + DidKey.of(attacker.publicKey()))
        .contains("not of " + node.did);
  }

  @Test
  void unknownKidOfTheIssuerIsRefused() throws Exception {
    String forged =
        signRaw(
            header("EdDSA", node.did + "#key-9"),
            payloadOf(issue().jwt()),
            SigningKey.generate(KeyAlgorithm.ED25519, "key-9", random));

    assertThat(failureOf(verifier().verify(forged), "key"))
        .contains("has no key " + node.did + "#key-9");
  }

  @Test
  void keyNotListedForAssertionIsRefused() throws Exception {
    String jwt = issue().jwt();
    DidDocument real = IssuerNode.resolver().resolve(node.did);
    DidDocument authOnly =
        new DidDocument(real.id(), real.verificationMethods(), List.of(), real.authentication());
    node.serveDocument(authOnly.toJson().toString());

    assertThat(failureOf(verifier().verify(jwt), "key"))
        .contains("not listed under assertionMethod");
  }

  @Test
  void tamperedHeaderFailsTheSignatureCheck() throws Exception {
    String[] parts = issue().jwt().split("\\.");
    String header = header("EdDSA", node.did + "#key-1").replace("}", ",\"x\":1}");
    String tampered = Base64URL.encode(header) + "." + parts[1] + "." + parts[2];

    assertThat(failureOf(verifier().verify(tampered), "signature")).contains("does not match");
  }

  @Test
  void tamperedPayloadFailsTheSignatureCheck() throws Exception {
    String[] parts = issue().jwt().split("\\.");
    ObjectNode vc = (ObjectNode) mapper.readTree(Base64URL.from(parts[1]).decodeToString());
    vc.put("validUntil", "2099-01-01T00:00:00Z");
    String tampered =
        parts[0] + "." + Base64URL.encode(mapper.writeValueAsBytes(vc)) + "." + parts[2];

    assertThat(failureOf(verifier().verify(tampered), "signature")).contains("does not match");
  }

  @Test
  void tamperedSignatureFailsTheSignatureCheck() {
    String jwt = issue().jwt();
    char last = jwt.charAt(jwt.length() - 10);
    String tampered =
        jwt.substring(0, jwt.length() - 10)
            + (last == 'A' ? 'B' : 'A')
            + jwt.substring(jwt.length() - 9);

    assertThat(failureOf(verifier().verify(tampered), "signature")).contains("does not match");
  }

  @Test
  void missingSignatureIsRefused() {
    String jwt = issue().jwt();
    String stripped = jwt.substring(0, jwt.lastIndexOf('.') + 1);

    assertThat(failureOf(verifier().verify(stripped), "header")).contains("the JWS has none");
  }

  @Test
  void unknownCriticalHeaderIsRefused() throws Exception {
    String header =
        "{\"alg\":\"EdDSA\",\"typ\":\"vc+jwt\",\"kid\":\""
            + node.did
            + "#key-1\",\"crit\":[\"exp-policy\"],\"exp-policy\":1}";
    String jwt = signRaw(header, payloadOf(issue().jwt()), node.currentKey());

    assertThat(failureOf(verifier().verify(jwt), "header"))
        .contains("[\"exp-policy\"]")
        .contains("not understood");
  }

  @Test
  void unencodedPayloadOptionIsRefused() throws Exception {
    String header =
        "{\"alg\":\"EdDSA\",\"typ\":\"vc+jwt\",\"kid\":\"" + node.did + "#key-1\",\"b64\":false}";
    String jwt = signRaw(header, payloadOf(issue().jwt()), node.currentKey());

    assertThat(failureOf(verifier().verify(jwt), "header")).contains("b64");
  }

  @Test
  void wrongTypIsRefused() throws Exception {
    String header = "{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"" + node.did + "#key-1\"}";
    String jwt = signRaw(header, payloadOf(issue().jwt()), node.currentKey());

    assertThat(failureOf(verifier().verify(jwt), "header")).contains("expected \"vc+jwt\"");
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
        new CredentialVerifier(
            IssuerNode.resolver(),
            new ConfiguredTrustList(Set.of("did:web:someone.else")),
            e -> StatusResult.valid("ok"),
            new FrameworkSkills(),
            Clock.fixed(NOW, ZoneOffset.UTC));

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
  void jwsOverOneMebibyteIsRefusedBeforeParsing() {
    String huge = "a".repeat(CompactJws.MAX_CHARS) + ".b.c";

    assertThat(failureOf(verifier().verify(huge), "format")).contains("more than the limit");
  }

  @Test
  void malformedBase64IsRefused() {
    assertThat(failureOf(verifier().verify("eyJ!!!.e30.AAAA"), "format"))
        .contains("header is not valid base64url");
  }

  @Test
  void malformedJsonIsRefused() {
    String jwt =
        Base64URL.encode(header("EdDSA", node.did + "#key-1"))
            + "."
            + Base64URL.encode("{\"issuer\": ")
            + ".AAAA";

    assertThat(failureOf(verifier().verify(jwt), "format")).contains("payload is not valid JSON");
  }

  @Test
  void duplicateMemberNamesAreRefused() {
    String header = "{\"alg\":\"EdDSA\",\"alg\":\"none\",\"typ\":\"vc+jwt\"}";
    String jwt = Base64URL.encode(header) + "." + Base64URL.encode("{}") + ".AAAA";

    assertThat(failureOf(verifier().verify(jwt), "format")).contains("Duplicate field 'alg'");
  }

  @Test
  void notACompactJwsIsRefused() {
    assertThat(failureOf(verifier().verify("just some text"), "format"))
        .contains("expected 3 parts");
    assertThat(failureOf(verifier().verify(""), "format")).contains("no JWS");
  }

  @Test
  void legacyVcClaimPayloadIsRefused() throws Exception {
    String payload = "{\"iss\":\"" + node.did + "\",\"vc\":" + payloadOf(issue().jwt()) + "}";
    String jwt = signRaw(header("EdDSA", node.did + "#key-1"), payload, node.currentKey());

    assertThat(failureOf(verifier().verify(jwt), "credential")).contains("'vc' claim");
  }

  @Test
  void hugeIssuerDidDocumentIsRefused() {
    String jwt = issue().jwt();
    node.serveDocument("{\"id\":\"" + node.did + "\",\"pad\":\"" + "x".repeat(100_000) + "\"}");

    assertThat(failureOf(verifier().verify(jwt), "key")).contains("larger than 65536 bytes");
  }

  @Test
  void issuerDidDocumentNamingAnotherHostIsRefused() {
    String jwt = issue().jwt();
    JsonNode doc =
        IssuerNode.resolver().resolve(node.did).toJson().put("id", "did:web:evil.example");
    node.serveDocument(doc.toString());

    assertThat(failureOf(verifier().verify(jwt), "key"))
        .contains("names another DID: did:web:evil.example");
  }

  @Test
  void unreachableIssuerIsAKeyFailureNotACrash() {
    String jwt = issue().jwt();
    node.close();

    assertThat(failureOf(verifier().verify(jwt), "key")).contains("cannot resolve " + node.did);
  }

  @Test
  void extraChecksRunOnAuthenticCredentials() {
    VerificationReport report =
        verifier().withCheck(vc -> Check.fail("schema", "missing name")).verify(issue().jwt());

    assertThat(failureOf(report, "schema")).isEqualTo("missing name");
  }
}
