package network.baton.credential.verify;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.nimbusds.jose.util.Base64URL;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import network.baton.credential.issue.FrameworkSkills;
import network.baton.credential.issue.HolderWallet;
import network.baton.credential.issue.VcContexts;
import network.baton.credential.status.BitstringStatusChecker;
import network.baton.credential.status.StatusEntry;
import network.baton.credential.status.StatusList;
import network.baton.credential.status.StatusListCredential;
import network.baton.credential.status.StatusPurpose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The credential pipeline's checks one at a time, each over evidence the gates before it filled,
 * with real keys and real signatures: each refuses what it should, and the pipeline keeps its safe
 * defaults.
 */
@Timeout(30)
class CredentialChecksTest {
  private static final Instant FROM = Instant.parse("2026-04-01T00:00:00Z");
  private static final Instant UNTIL = Instant.parse("2027-04-01T00:00:00Z");
  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  private static final Duration SKEW = CredentialVerifier.DEFAULT_SKEW;

  private final LocalIssuer node = new LocalIssuer();
  private final String holder = HolderWallet.generate(new SecureRandom()).did();
  private final ObjectMapper json = new ObjectMapper();

  private static Clock at(Instant now) {
    return Clock.fixed(now, ZoneOffset.UTC);
  }

  /** The evidence after the given gates, each of which must pass. */
  private static Evidence through(Evidence evidence, VerificationCheck... gates) {
    for (VerificationCheck gate : gates) {
      assertThat(gate.check(evidence)).allMatch(Check::passed);
    }
    return evidence;
  }

  private Evidence readJwt(String jwt) {
    return through(
        Evidence.ofCredential(TextNode.valueOf(jwt)),
        new JwsFormatCheck(VcContexts.ENVELOPED_VC_PREFIX, "not enveloped"),
        new JwsHeaderCheck(new JwsHeaderPolicy(VcContexts.VC_JWT, "vc")),
        new CredentialShapeCheck());
  }

  private Evidence authentic(String jwt) {
    return through(
        readJwt(jwt),
        new JwsKeyCheck(new KeyBinding(node.resolver), KeyPurpose.ASSERTION),
        new JwsSignatureCheck());
  }

  /** A status checker whose every revocation list is these bits, issued by issuer. */
  private static BitstringStatusChecker revocationListBy(String issuer, StatusList bits) {
    return new BitstringStatusChecker(
        u -> new StatusListCredential(u, issuer, StatusPurpose.REVOCATION, bits, null, null),
        at(NOW),
        true);
  }

  /** An authentic credential whose revocation entry is this index of the list at url. */
  private Evidence withRevocationEntry(URI url, int index) {
    JsonNode entry = StatusEntry.of(url, StatusPurpose.REVOCATION, index).toJson();
    return authentic(node.jwt(holder, FROM, UNTIL, entry));
  }

  private static Check only(List<Check> checks) {
    assertThat(checks).hasSize(1);
    return checks.get(0);
  }

  private static Check header(String headerJson) {
    Evidence evidence =
        Evidence.ofCredential(
            TextNode.valueOf(
                Base64URL.encode(headerJson) + "." + Base64URL.encode("{}") + ".c2ln"));
    assertThat(new JwsFormatCheck("data:", "-").check(evidence)).allMatch(Check::passed);
    return only(new JwsHeaderCheck(new JwsHeaderPolicy(VcContexts.VC_JWT, "vc")).check(evidence));
  }

  @Test
  void genuineSignaturePassesAndMakesTheEvidenceAuthentic() {
    Evidence evidence = authentic(node.jwt(holder, FROM, UNTIL, null));

    assertThat(evidence.authentic()).isTrue();
    assertThat(evidence.key().id()).isEqualTo(LocalIssuer.DID + "#key-1");
  }

  @Test
  void tamperedPayloadFailsSignatureCheck() throws Exception {
    String[] parts = node.jwt(holder, FROM, UNTIL, null).split("\\.");
    ObjectNode payload = (ObjectNode) json.readTree(Base64URL.from(parts[1]).decode());
    ((ObjectNode) payload.path("credentialSubject").path("achievement")).put("name", "Forged");
    String tampered =
        parts[0] + "." + Base64URL.encode(payload.toString().getBytes(UTF_8)) + "." + parts[2];
    Evidence evidence =
        through(
            readJwt(tampered),
            new JwsKeyCheck(new KeyBinding(node.resolver), KeyPurpose.ASSERTION));

    Check signature = only(new JwsSignatureCheck().check(evidence));

    assertThat(signature.passed()).isFalse();
    assertThat(signature.reason()).contains("does not match key");
    assertThat(evidence.authentic()).isFalse();
  }

  @Test
  void algNoneIsRefusedByTheHeaderCheck() {
    Check check = header("{\"alg\":\"none\",\"typ\":\"vc+jwt\",\"kid\":\"#key-1\"}");

    assertThat(check.passed()).isFalse();
    assertThat(check.reason()).contains("alg 'none'");
  }

  @Test
  void unknownAndSharedSecretAlgorithmsAreRefusedByTheHeaderCheck() {
    Check rsa = header("{\"alg\":\"RS256\",\"typ\":\"vc+jwt\",\"kid\":\"#key-1\"}");
    Check hmac = header("{\"alg\":\"HS256\",\"typ\":\"vc+jwt\",\"kid\":\"#key-1\"}");
    Check crit =
        header("{\"alg\":\"EdDSA\",\"typ\":\"vc+jwt\",\"kid\":\"#key-1\",\"crit\":[\"exp\"]}");
    Check typ = header("{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"#key-1\"}");

    assertThat(rsa.reason()).contains("'RS256' is not accepted");
    assertThat(hmac.reason()).contains("shared-secret MAC");
    assertThat(crit.reason()).contains("not understood");
    assertThat(typ.reason()).contains("expected \"vc+jwt\"");
    assertThat(List.of(rsa, hmac, crit, typ)).noneMatch(Check::passed);
  }

  @Test
  void unknownKeyFailsTheKeyCheck() throws Exception {
    String header =
        "{\"alg\":\"EdDSA\",\"typ\":\"vc+jwt\",\"kid\":\"" + LocalIssuer.DID + "#key-9\"}";
    String payload = payloadOf(node.jwt(holder, FROM, UNTIL, null));
    Evidence evidence = readJwt(node.signRaw(header, payload));

    Check key =
        only(new JwsKeyCheck(new KeyBinding(node.resolver), KeyPurpose.ASSERTION).check(evidence));

    assertThat(key.passed()).isFalse();
    assertThat(key.reason()).contains("has no key " + LocalIssuer.DID + "#key-9");
  }

  @Test
  void keyOfAnotherDidFailsTheKeyCheck() throws Exception {
    String header =
        "{\"alg\":\"EdDSA\",\"typ\":\"vc+jwt\",\"kid\":\"did:web:other.example#key-1\"}";
    Evidence evidence =
        readJwt(node.signRaw(header, payloadOf(node.jwt(holder, FROM, UNTIL, null))));

    Check key =
        only(new JwsKeyCheck(new KeyBinding(node.resolver), KeyPurpose.ASSERTION).check(evidence));

    assertThat(key.reason())
        .contains("is a key of did:web:other.example, not of " + LocalIssuer.DID);
  }

  @Test
  void expiredCredentialFailsTheDatesCheck() {
    Evidence evidence = authentic(node.jwt(holder, FROM, UNTIL, null));

    Check late =
        only(new ValidityPeriodCheck(at(UNTIL.plus(SKEW).plusSeconds(1)), SKEW).check(evidence));
    Check withinSkew = only(new ValidityPeriodCheck(at(UNTIL.plus(SKEW)), SKEW).check(evidence));

    assertThat(late.passed()).isFalse();
    assertThat(late.reason()).startsWith("expired on " + UNTIL);
    assertThat(withinSkew.passed()).isTrue();
  }

  @Test
  void notYetValidCredentialFailsTheDatesCheck() {
    Evidence evidence = authentic(node.jwt(holder, FROM, UNTIL, null));

    Check early =
        only(new ValidityPeriodCheck(at(FROM.minus(SKEW).minusSeconds(1)), SKEW).check(evidence));

    assertThat(early.passed()).isFalse();
    assertThat(early.reason()).startsWith("not valid yet: valid from " + FROM);
  }

  @Test
  void revokedCredentialFailsTheStatusCheck() {
    URI url = URI.create("https://kosen.example/status/0-revocation");
    JsonNode entry = StatusEntry.of(url, StatusPurpose.REVOCATION, 7).toJson();
    StatusList bits = StatusList.create();
    bits.set(7);
    BitstringStatusChecker status = revocationListBy(LocalIssuer.DID, bits);
    Evidence revoked = authentic(node.jwt(holder, FROM, UNTIL, entry));
    Evidence active = withRevocationEntry(url, 8);

    Check check = only(new CredentialStatusCheck(status).check(revoked));

    assertThat(check.passed()).isFalse();
    assertThat(check.reason()).contains("revoked", url + " index 7");
    assertThat(only(new CredentialStatusCheck(status).check(active)).passed()).isTrue();
  }

  @Test
  void statusListOfAnotherIssuerFailsTheStatusCheck() {
    URI url = URI.create("https://kosen.example/status/0-revocation");
    BitstringStatusChecker status = revocationListBy("did:web:other.example", StatusList.create());
    Evidence evidence = withRevocationEntry(url, 3);

    Check check = only(new CredentialStatusCheck(status).check(evidence));

    assertThat(check.passed()).isFalse();
    assertThat(check.reason()).contains("is issued by did:web:other.example");
  }

  @Test
  void untrustedIssuerFailsTheTrustCheck() {
    Evidence evidence = authentic(node.jwt(holder, FROM, UNTIL, null));

    Check refused =
        only(
            new IssuerTrustCheck(new ConfiguredTrustList(Set.of("did:web:other.example")))
                .check(evidence));
    Check trusted =
        only(
            new IssuerTrustCheck(new ConfiguredTrustList(Set.of(LocalIssuer.DID))).check(evidence));

    assertThat(refused.passed()).isFalse();
    assertThat(refused.reason())
        .isEqualTo("issuer " + LocalIssuer.DID + " is not in the trust list");
    assertThat(trusted.passed()).isTrue();
  }

  @Test
  void skillOutsideTheFrameworkFailsTheSkillsCheck() {
    Evidence evidence = authentic(node.jwt(holder, FROM, UNTIL, null));
    FrameworkSkills framework = new FrameworkSkills();

    Check check =
        only(
            new SkillsCheck(
                    iri -> iri.equals(FrameworkSkills.ECH) ? Optional.empty() : framework.find(iri))
                .check(evidence));

    assertThat(check.passed()).isFalse();
    assertThat(check.reason()).isEqualTo("not skills of the framework: " + FrameworkSkills.ECH);
    assertThat(evidence.achievement().skills()).hasSize(2);
  }

  @Test
  void tamperedDataIntegrityCredentialFailsTheProofCheck() throws Exception {
    ObjectNode genuine = node.dataIntegrity(holder, FROM, UNTIL);
    ObjectNode tampered = genuine.deepCopy();
    ((ObjectNode) tampered.path("credentialSubject").path("achievement")).put("name", "Forged");
    DataIntegrityProofCheck proof =
        new DataIntegrityProofCheck(LocalIssuer.SUITE, node.resolver, KeyPurpose.ASSERTION);

    List<Check> good = proof.check(readEmbedded(genuine));
    Evidence forged = readEmbedded(tampered);
    List<Check> bad = proof.check(forged);

    assertThat(good).extracting(Check::name).containsExactly("key", "signature");
    assertThat(good).allMatch(Check::passed);
    assertThat(bad).extracting(Check::name).containsExactly("signature");
    assertThat(bad.get(0).passed()).isFalse();
    assertThat(forged.authentic()).isFalse();
  }

  private static Evidence readEmbedded(JsonNode credential) {
    return through(
        Evidence.ofCredential(credential),
        EmbeddedProofFormatCheck.credential(),
        new CredentialShapeCheck());
  }

  private String payloadOf(String jwt) {
    return new String(Base64URL.from(jwt.split("\\.")[1]).decode(), UTF_8);
  }

  @Test
  void aFailedGateStopsThePipeline() throws Exception {
    String header = "{\"alg\":\"none\",\"typ\":\"vc+jwt\",\"kid\":\"#key-1\"}";
    String unsigned =
        Base64URL.encode(header)
            + "."
            + Base64URL.encode(payloadOf(node.jwt(holder, FROM, UNTIL, null)))
            + ".";
    CredentialVerifier verifier = verifier(NOW);

    VerificationReport report = verifier.verify(unsigned);

    assertThat(report.ok()).isFalse();
    assertThat(report.checks()).extracting(Check::name).containsExactly("format", "header");
  }

  @Test
  void aPipelineThatVerifiesNoSignatureRefusesEverything() {
    VerificationPipeline unsigned =
        VerificationPipeline.empty()
            .gate("format", new JwsFormatCheck(VcContexts.ENVELOPED_VC_PREFIX, "-"))
            .gate("header", new JwsHeaderCheck(new JwsHeaderPolicy(VcContexts.VC_JWT, "vc")))
            .gate("credential", new CredentialShapeCheck());

    VerificationReport report =
        unsigned.run(Evidence.ofCredential(TextNode.valueOf(node.jwt(holder, FROM, UNTIL, null))));

    assertThat(report.ok()).isFalse();
    assertThat(report.firstFailure().orElseThrow())
        .isEqualTo(Check.fail("signature", "no signature or proof was verified"));
  }

  @Test
  void aStepIsReplacedByItsNameAndKeepsItsPlace() {
    String expired = node.jwt(holder, FROM, FROM.plusSeconds(60), null);
    CredentialVerifier lenient =
        verifier(NOW)
            .replacing(
                CredentialVerifier.DATES,
                VerificationCheck.single(e -> Check.pass("dates", "not checked in this test")));

    VerificationReport strict = verifier(NOW).verify(expired);
    VerificationReport replaced = lenient.verify(expired);

    assertThat(strict.check("dates").orElseThrow().passed()).isFalse();
    assertThat(replaced.ok()).as(replaced.toText()).isTrue();
    assertThat(replaced.checks())
        .extracting(Check::name)
        .containsExactlyElementsOf(strict.checks().stream().map(Check::name).toList());
    assertThatThrownBy(() -> lenient.replacing("no such step", e -> List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private CredentialVerifier verifier(Instant now) {
    return CredentialVerifier.of(
        new KeyBinding(node.resolver),
        LocalIssuer.SUITE,
        node.resolver,
        CredentialVerifier.claims(
            new ConfiguredTrustList(Set.of(LocalIssuer.DID)),
            entry -> StatusResult.valid("not revoked"),
            new FrameworkSkills(),
            at(now),
            SKEW));
  }
}
