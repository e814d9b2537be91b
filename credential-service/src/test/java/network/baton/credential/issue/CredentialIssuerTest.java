package network.baton.credential.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSObject;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import network.baton.credential.jose.BcJose;
import network.baton.credential.keys.KeyAlgorithm;
import network.baton.credential.keys.SigningKey;
import org.junit.jupiter.api.Test;

class CredentialIssuerTest {
  private static final String DID = "did:web:kosen.example";
  private static final Instant FROM = Instant.parse("2026-04-01T00:00:00Z");
  private static final Instant UNTIL = Instant.parse("2031-04-01T00:00:00Z");

  private static final Set<String> COURSES = Set.of("https://kosen.example/resources/kosen-ec101");

  private final ObjectMapper mapper = new ObjectMapper();
  private final SigningKey key =
      SigningKey.generate(KeyAlgorithm.ED25519, "key-1", new SecureRandom());
  private final CredentialIssuer issuer =
      new CredentialIssuer(
          new IssuerProfile(DID, "Kosen Battery College"),
          key,
          new FrameworkSkills(),
          COURSES::contains);
  private final String holder = HolderWallet.generate(new SecureRandom()).did();

  /** A request for one ECH skill valid from FROM until validUntil (null: no end). */
  private static IssueRequest ofEch(String holder, String course, Instant validUntil) {
    return new IssueRequest(
        holder, course, "n", "d", "c", List.of(FrameworkSkills.ECH), FROM, validUntil);
  }

  private IssueRequest request(List<String> skills) {
    return new IssueRequest(
        holder,
        "https://kosen.example/resources/kosen-ec101",
        "Fundamentals of Electrochemistry",
        "Cell potential and kinetics.",
        "Passed the final examination.",
        skills,
        FROM,
        UNTIL);
  }

  private ObjectNode status() {
    ObjectNode status = mapper.createObjectNode();
    status.put("id", "https://kosen.example/status/1#42");
    status.put("type", "BitstringStatusListEntry");
    status.put("statusPurpose", "revocation");
    status.put("statusListIndex", "42");
    status.put("statusListCredential", "https://kosen.example/status/1");
    return status;
  }

  @Test
  void credentialHasTheOpenBadgesAchievementCredentialShape() {
    JsonNode vc = issuer.credential(request(List.of(FrameworkSkills.ECH)), status());

    assertThat(vc.get("@context").toString())
        .isEqualTo(
            "[\"https://www.w3.org/ns/credentials/v2\","
                + "\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"]");
    assertThat(vc.get("id").asText()).startsWith("urn:uuid:");
    assertThat(vc.get("type").toString())
        .isEqualTo("[\"VerifiableCredential\",\"OpenBadgeCredential\"]");
    assertThat(vc.at("/issuer/id").asText()).isEqualTo(DID);
    assertThat(vc.at("/issuer/type/0").asText()).isEqualTo("Profile");
    assertThat(vc.get("validFrom").asText()).isEqualTo("2026-04-01T00:00:00Z");
    assertThat(vc.get("validUntil").asText()).isEqualTo("2031-04-01T00:00:00Z");
    assertThat(vc.at("/credentialSubject/id").asText()).isEqualTo(holder);
    assertThat(vc.at("/credentialSubject/type/0").asText()).isEqualTo("AchievementSubject");
    JsonNode achievement = vc.at("/credentialSubject/achievement");
    assertThat(achievement.get("id").asText())
        .isEqualTo("https://kosen.example/resources/kosen-ec101");
    assertThat(achievement.at("/type/0").asText()).isEqualTo("Achievement");
    assertThat(achievement.at("/criteria/narrative").asText())
        .isEqualTo("Passed the final examination.");
    JsonNode alignment = achievement.at("/alignment/0");
    assertThat(alignment.at("/type/0").asText()).isEqualTo("Alignment");
    assertThat(alignment.get("targetUrl").asText()).isEqualTo(FrameworkSkills.ECH);
    assertThat(alignment.get("targetName").asText()).isEqualTo("Electrochemistry");
    assertThat(alignment.get("targetCode").asText()).isEqualTo("ECH");
    assertThat(alignment.get("targetFramework").asText())
        .isEqualTo("BATON battery skills framework");
    assertThat(vc.get("credentialStatus")).isEqualTo(status());
  }

  @Test
  void issuedJwsCarriesTheCredentialItselfWithVcJwtHeaders() throws Exception {
    IssuedCredential issued = issuer.issue(request(List.of(FrameworkSkills.ECH)), status());

    JWSObject jws = JWSObject.parse(issued.jwt());
    assertThat(jws.getHeader().getAlgorithm().getName()).isEqualTo("EdDSA");
    assertThat(jws.getHeader().getType().getType()).isEqualTo("vc+jwt");
    assertThat(jws.getHeader().getContentType()).isEqualTo("vc");
    assertThat(jws.getHeader().getKeyID()).isEqualTo(DID + "#key-1");
    assertThat(mapper.readTree(jws.getPayload().toString())).isEqualTo(issued.credential());
    assertThat(jws.verify(BcJose.verifier(key.publicKey()))).isTrue();
    assertThat(issued.id()).isEqualTo(issued.credential().get("id").asText());
  }

  @Test
  void p256IssuerSignsWithEs256() throws Exception {
    SigningKey p256 = SigningKey.generate(KeyAlgorithm.P256, "key-2", new SecureRandom());
    CredentialIssuer es =
        new CredentialIssuer(
            new IssuerProfile(DID, "Kosen"), p256, new FrameworkSkills(), COURSES::contains);

    JWSObject jws = JWSObject.parse(es.issue(request(List.of(FrameworkSkills.ECH)), null).jwt());

    assertThat(jws.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
    assertThat(jws.getHeader().getKeyID()).isEqualTo(DID + "#key-2");
  }

  @Test
  void eachCredentialGetsItsOwnId() {
    IssueRequest request = request(List.of(FrameworkSkills.ECH));
    assertThat(issuer.issue(request, null).id()).isNotEqualTo(issuer.issue(request, null).id());
  }

  @Test
  void skillsNotInTheFrameworkAreRefusedByName() {
    String unknown = "https://w3id.org/baton/skill/NOPE";

    assertThatThrownBy(() -> issuer.issue(request(List.of(FrameworkSkills.ECH, unknown)), null))
        .isInstanceOf(UnknownSkillException.class)
        .hasMessageContaining(unknown)
        .satisfies(e -> assertThat(((UnknownSkillException) e).unknown()).containsExactly(unknown));
  }

  @Test
  void achievementThatTheNodeDoesNotPublishIsRefused() {
    IssueRequest request =
        new IssueRequest(
            holder,
            "https://kosen.example/resources/unknown",
            "n",
            "d",
            "c",
            List.of(FrameworkSkills.ECH),
            FROM,
            null);

    assertThatThrownBy(() -> issuer.issue(request, null))
        .isInstanceOf(UnknownAchievementException.class)
        .hasMessageContaining("https://kosen.example/resources/unknown");
  }

  @Test
  void requestsThatCannotMakeASensibleCredentialAreRefused() {
    assertThatThrownBy(() -> request(List.of())).hasMessageContaining("at least one skill");
    assertThatThrownBy(() -> ofEch(holder, "resources/x", null)).hasMessageContaining("absolute");
    assertThatThrownBy(() -> ofEch("alice", "https://x.example/c", null))
        .hasMessageContaining("holder must be a DID");
    assertThatThrownBy(() -> ofEch(holder, "https://x.example/c", FROM.minusSeconds(1)))
        .hasMessageContaining("validUntil must be after validFrom");
  }

  @Test
  void signingACredentialOfAnotherIssuerIsRefused() {
    ObjectNode vc = issuer.credential(request(List.of(FrameworkSkills.ECH)), null);
    ((ObjectNode) vc.get("issuer")).put("id", "did:web:other.example");

    assertThatThrownBy(() -> issuer.sign(vc)).hasMessageContaining("is not " + DID);
  }
}
