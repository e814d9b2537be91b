package network.baton.credential.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import network.baton.credential.did.DidKey;
import network.baton.credential.keys.KeyAlgorithm;
import network.baton.credential.keys.NodeKeys;
import network.baton.credential.keys.SigningKey;
import network.baton.credential.sdjwt.SdJwt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The BATON skill credential issued as SD-JWT VC, read back by hand (no code under test). */
class SdJwtVcIssuanceTest {
  @TempDir Path dir;
  private final NodeKeys keys = ServiceFixture.keys();
  private final ObjectMapper json = new ObjectMapper();
  private final SigningKey holder =
      SigningKey.generate(KeyAlgorithm.P256, "holder", new SecureRandom());

  private JsonNode decode(String part) throws Exception {
    return json.readTree(Base64.getUrlDecoder().decode(part));
  }

  private static String digest(String disclosure) throws Exception {
    byte[] hash =
        MessageDigest.getInstance("SHA-256").digest(disclosure.getBytes(StandardCharsets.US_ASCII));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
  }

  @Test
  void issuedCredentialCarriesTheSpecClaimsAndOneDisclosurePerSkill() throws Exception {
    Instant until = Instant.parse("2099-01-01T00:00:00Z");
    try (ServiceFixture.Services node = ServiceFixture.open(dir, keys)) {
      SecuredCredential issued =
          node.issuance().issueSdJwtVc(FixtureCourses.COURSE, holder.publicKey(), null, until);

      assertThat(issued.format()).isEqualTo(CredentialFormat.SD_JWT_VC);
      String[] parts = issued.jwt().split("~", -1);
      assertThat(parts[parts.length - 1]).as("no KB-JWT at issuance").isEmpty();
      String[] jws = parts[0].split("\\.");
      JsonNode header = decode(jws[0]);
      JsonNode payload = decode(jws[1]);
      String did = node.issuance().issuerDid();
      assertThat(header.path("typ").asText()).isEqualTo("dc+sd-jwt");
      assertThat(header.path("alg").asText()).isEqualTo("EdDSA");
      assertThat(header.path("kid").asText()).startsWith(did + "#");
      assertThat(node.issuance().didDocument().method(header.path("kid").asText())).isPresent();
      assertThat(payload.path("iss").asText()).isEqualTo(did);
      assertThat(payload.path("vct").asText())
          .isEqualTo("https://kosen.example/vct/skill-credential");
      assertThat(payload.path("_sd_alg").asText()).isEqualTo("sha-256");
      assertThat(payload.path("exp").asLong()).isEqualTo(until.getEpochSecond());
      assertThat(payload.path("iat").isIntegralNumber()).isTrue();
      assertThat(payload.path("cnf").path("jwk").path("kty").asText()).isEqualTo("EC");
      assertThat(payload.path("cnf").path("jwk").path("x").asText())
          .isEqualTo(holder.publicKey().toJwk().get("x"));
      assertThat(payload.path("achievement").path("id").asText()).isEqualTo(FixtureCourses.COURSE);
      JsonNode statusList = payload.path("status").path("status_list");
      assertThat(statusList.path("uri").asText())
          .startsWith("https://kosen.example/statuslists/token/");
      assertThat(statusList.path("idx").isInt()).isTrue();
      assertThat(payload.path("jti").asText()).isEqualTo(issued.id());

      List<String> digests = new ArrayList<>();
      payload.path("skills").forEach(e -> digests.add(e.path("...").asText()));
      List<String> disclosures = List.of(parts).subList(1, parts.length - 1);
      assertThat(disclosures).hasSize(digests.size()).isNotEmpty();
      List<String> codes = new ArrayList<>();
      for (String disclosure : disclosures) {
        assertThat(digests).contains(digest(disclosure));
        JsonNode array = decode(disclosure);
        assertThat(array.size()).as("array element disclosure: [salt, value]").isEqualTo(2);
        assertThat(array.get(1).path("name").path("ja").asText()).isNotBlank();
        assertThat(array.get(1).path("name").path("en").asText()).isNotBlank();
        codes.add(array.get(1).path("code").asText());
      }
      assertThat(codes).containsExactlyInAnyOrder("ECH-THERMO", "MFG-COAT");
      assertThat(payload.toString()).doesNotContain("ECH-THERMO").doesNotContain("MFG-COAT");
      assertThat(issued.document().path("skills")).hasSize(2);
      assertThat(node.issuance().issued(issued.id()).orElseThrow().holderDid())
          .isEqualTo(DidKey.of(holder.publicKey()));
    }
  }

  @Test
  void orderForADidKeyHolderIssuesBoundToThatKey() throws Exception {
    try (ServiceFixture.Services node = ServiceFixture.open(dir, keys)) {
      SecuredCredential issued =
          node.issuance()
              .issue(
                  new CredentialOrder(
                      DidKey.of(holder.publicKey()),
                      FixtureCourses.COURSE,
                      null,
                      null,
                      CredentialFormat.SD_JWT_VC));
      JsonNode payload = decode(SdJwt.parse(issued.jwt()).issuerJwt().split("\\.")[1]);
      assertThat(payload.path("cnf").path("jwk").path("y").asText())
          .isEqualTo(holder.publicKey().toJwk().get("y"));
      assertThatThrownBy(
              () ->
                  node.issuance()
                      .issue(
                          new CredentialOrder(
                              "did:web:someone.example",
                              FixtureCourses.COURSE,
                              null,
                              null,
                              CredentialFormat.SD_JWT_VC)))
          .isInstanceOf(CredentialServiceException.class)
          .hasMessageContaining("did:key or did:jwk");
    }
  }
}
