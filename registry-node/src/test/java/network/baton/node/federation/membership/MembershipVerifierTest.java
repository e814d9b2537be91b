package network.baton.node.federation.membership;

import static java.nio.charset.StandardCharsets.UTF_8;
import static network.baton.node.federation.membership.MembershipLists.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import network.baton.credential.jose.BcJose;
import network.baton.credential.keys.KeyAlgorithm;
import network.baton.credential.keys.SigningKey;
import network.baton.node.federation.Role;
import org.junit.jupiter.api.Test;

class MembershipVerifierTest {

  private final MembershipLists lists = new MembershipLists();
  private final MembershipVerifier verifier = lists.verifier();

  @Test
  void signedListVerifiesAndReadsBackTheSameMembers() {
    SignedMembershipList signed =
        lists.signed(
            4,
            member("did:web:kosen.example", "https://kosen.example", Role.ISSUER, Role.PUBLISHER),
            member("did:web:hs.example", "https://hs.example/baton", Role.PUBLISHER));

    SignedMembershipList checked = verifier.verify(signed.jws());

    assertThat(checked.list()).isEqualTo(signed.list());
    assertThat(checked.version()).isEqualTo(4);
    assertThat(checked.list().member("did:web:kosen.example").orElseThrow().roles())
        .isEqualTo(Set.of(Role.ISSUER, Role.PUBLISHER));
    JWSHeader header = header(signed.jws());
    assertThat(header.getType().getType()).isEqualTo("baton-membership+jwt");
    assertThat(header.getAlgorithm()).isEqualTo(JWSAlgorithm.EdDSA);
    assertThat(header.getKeyID())
        .isEqualTo(SignedMembershipList.keyId(lists.coordinator.publicKey()));
  }

  @Test
  void es256CoordinatorKeyIsAccepted() {
    MembershipLists p256 =
        new MembershipLists(SigningKey.generate(KeyAlgorithm.P256, "c", new SecureRandom()));

    assertThat(p256.verifier().verify(p256.signed(1).jws()).version()).isEqualTo(1);
  }

  @Test
  void eitherOfTwoCoordinatorKeysIsTrustedDuringRotation() {
    MembershipLists next = new MembershipLists();
    MembershipVerifier both =
        new MembershipVerifier(
            List.of(lists.coordinator.publicKey(), next.coordinator.publicKey()),
            Clock.systemUTC());

    assertThat(both.verify(lists.signed(1).jws()).version()).isEqualTo(1);
    assertThat(both.verify(next.signed(2).jws()).version()).isEqualTo(2);
  }

  @Test
  void listSignedByAnotherKeyIsRefusedAsUnknownKey() {
    String forged = new MembershipLists().signed(9).jws();

    assertRefused(forged, "unknown key");
  }

  @Test
  void otherKeyClaimingTheCoordinatorKidFailsTheSignatureCheck() throws Exception {
    SigningKey other = SigningKey.generate(KeyAlgorithm.ED25519, "x", new SecureRandom());
    JWSObject forged = listJws(JWSAlgorithm.EdDSA, MembershipLists.list(9).toJson());
    forged.sign(BcJose.signer(other));

    assertRefused(forged.serialize(), "bad signature");
  }

  @Test
  void tamperedPayloadFailsSignatureCheck() {
    String jws = lists.signed(3, member("did:web:a.example", "https://a.example")).jws();
    String[] parts = jws.split("\\.");
    String payload = new String(new Base64URL(parts[1]).decode(), UTF_8);
    String evil = payload.replace("https://a.example", "https://evil.example");
    String tampered = parts[0] + "." + Base64URL.encode(evil.getBytes(UTF_8)) + "." + parts[2];

    assertRefused(tampered, "bad signature");
  }

  @Test
  void otherTypIsRefused() throws Exception {
    assertRefused(signWithHeader(JWSAlgorithm.EdDSA, "vc+jwt", null), "wrong typ");
    assertRefused(signWithHeader(JWSAlgorithm.EdDSA, null, null), "wrong typ");
  }

  @Test
  void unknownCriticalHeaderIsRefused() throws Exception {
    assertRefused(signWithHeader(JWSAlgorithm.EdDSA, SignedMembershipList.TYPE, "exp"), "critical");
  }

  @Test
  void algNoneAndHmacAreRefusedByName() throws Exception {
    String header = encodedHeader("none");
    String payload = Base64URL.encode(MembershipLists.list(5).toJson().getBytes(UTF_8)).toString();
    assertRefused(header + "." + payload + ".", "alg 'none'");

    JWSObject hmac = listJws(JWSAlgorithm.HS256, MembershipLists.list(5).toJson());
    hmac.sign(new MACSigner(lists.coordinator.publicKey().encoded()));
    assertRefused(hmac.serialize(), "shared-secret");
  }

  @Test
  void expiredListIsRefused() {
    SignedMembershipList signed = lists.signed(2);

    assertRefusedAt(signed.list().expiresAt().plusSeconds(1), signed.jws(), "expired");
  }

  @Test
  void listIssuedInTheFutureIsRefused() {
    SignedMembershipList signed = lists.signed(2);

    assertRefusedAt(signed.list().issuedAt().minusSeconds(3600), signed.jws(), "not yet valid");
  }

  /** The coordinator's verifier, its clock at now, refuses jws with a message starting so. */
  private void assertRefusedAt(Instant now, String jws, String start) {
    MembershipVerifier verifierAt =
        new MembershipVerifier(
            List.of(lists.coordinator.publicKey()), Clock.fixed(now, ZoneOffset.UTC));
    assertThatThrownBy(() -> verifierAt.verify(jws))
        .isInstanceOf(InvalidMembershipList.class)
        .hasMessageStartingWith(start);
  }

  @Test
  void algThatDoesNotFitTheCoordinatorKeyIsRefused() {
    String[] parts = lists.signed(5).jws().split("\\.");
    String es256Header = encodedHeader("ES256");

    assertRefused(es256Header + "." + parts[1] + "." + parts[2], "does not fit");
  }

  @Test
  void malformedInputsAreRefusedWithAReason() {
    assertRefused("", "malformed");
    assertRefused("not a jws", "malformed");
    assertRefused("a.b.c.d", "malformed");
    assertRefused("%%%.e30.abc", "malformed");
    assertRefused("x".repeat(MembershipVerifier.MAX_LENGTH + 1), "larger than");
  }

  @Test
  void signedPayloadThatIsNotAListIsRefusedAsMalformedPayload() throws Exception {
    JWSObject object = listJws(JWSAlgorithm.EdDSA, "{\"version\":0,\"members\":[]}");
    object.sign(BcJose.signer(lists.coordinator));

    assertRefused(object.serialize(), "malformed payload");
  }

  @Test
  void listRecordRefusesBadValues() {
    Instant now = Instant.now();
    assertThatThrownBy(() -> new MembershipList(0, now, now.plusSeconds(1), "BATON", List.of()))
        .hasMessageContaining("version must be positive");
    assertThatThrownBy(() -> new MembershipList(1, now, now, "BATON", List.of()))
        .hasMessageContaining("before it is issued");
    assertThatThrownBy(
            () ->
                MembershipLists.list(
                    1,
                    member("did:web:a.example", "https://a.example"),
                    member("did:web:a.example", "https://b.example")))
        .hasMessageContaining("listed twice");
  }

  private String signWithHeader(JWSAlgorithm alg, String typ, String crit) throws Exception {
    JWSHeader.Builder header =
        new JWSHeader.Builder(alg).keyID(SignedMembershipList.keyId(lists.coordinator.publicKey()));
    if (typ != null) {
      header.type(new JOSEObjectType(typ));
    }
    if (crit != null) {
      header.criticalParams(Set.of(crit)).customParam(crit, 1);
    }
    JWSObject object = new JWSObject(header.build(), new Payload(MembershipLists.list(5).toJson()));
    object.sign(BcJose.signer(lists.coordinator));
    return object.serialize();
  }

  /** A JWS header with this alg, the list typ and the coordinator's kid, base64url-encoded. */
  private String encodedHeader(String alg) {
    String kid = SignedMembershipList.keyId(lists.coordinator.publicKey());
    return Base64URL.encode(
            ("{\"alg\":\"" + alg + "\",\"typ\":\"baton-membership+jwt\",\"kid\":\"" + kid + "\"}")
                .getBytes(UTF_8))
        .toString();
  }

  /** An unsigned JWS of payload with the coordinator's kid and the list typ, under alg. */
  private JWSObject listJws(JWSAlgorithm alg, String payload) {
    return new JWSObject(
        new JWSHeader.Builder(alg)
            .type(new JOSEObjectType(SignedMembershipList.TYPE))
            .keyID(SignedMembershipList.keyId(lists.coordinator.publicKey()))
            .build(),
        new Payload(payload));
  }

  private void assertRefused(String jws, String reason) {
    assertThatThrownBy(() -> verifier.verify(jws))
        .isInstanceOf(InvalidMembershipList.class)
        .hasMessageContaining(reason);
  }

  private static JWSHeader header(String jws) {
    try {
      return JWSObject.parse(jws).getHeader();
    } catch (java.text.ParseException e) {
      throw new IllegalStateException(e);
    }
  }
}
