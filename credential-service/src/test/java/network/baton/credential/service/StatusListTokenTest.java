package network.baton.credential.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.zip.Inflater;
import network.baton.credential.keys.KeyAlgorithm;
import network.baton.credential.keys.NodeKeys;
import network.baton.credential.keys.SigningKey;
import network.baton.credential.sdjwt.SdJwt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The node's status list token, read back by hand (JWT parts, base64url, ZLIB, 2-bit packing). */
class StatusListTokenTest {
  @TempDir Path dir;
  private final NodeKeys keys = ServiceFixture.keys();
  private final ObjectMapper json = new ObjectMapper();
  private final SigningKey holder =
      SigningKey.generate(KeyAlgorithm.ED25519, "holder", new SecureRandom());

  private JsonNode part(String jwt, int i) throws Exception {
    return json.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[i]));
  }

  private static byte[] inflate(byte[] zlib) throws Exception {
    Inflater inflater = new Inflater();
    inflater.setInput(zlib);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    while (!inflater.finished()) out.write(buffer, 0, inflater.inflate(buffer));
    inflater.end();
    return out.toByteArray();
  }

  private static int status(byte[] bytes, int idx) {
    return (bytes[idx / 4] >> ((idx % 4) * 2)) & 0b11;
  }

  private int idx(SecuredCredential credential) throws Exception {
    return part(SdJwt.parse(credential.jwt()).issuerJwt(), 1)
        .path("status")
        .path("status_list")
        .path("idx")
        .asInt();
  }

  @Test
  void tokenCarriesTwoBitStatusesOfTheRecordedStates() throws Exception {
    try (ServiceFixture.Services node = ServiceFixture.open(dir, keys)) {
      SecuredCredential valid =
          node.issuance().issueSdJwtVc(FixtureCourses.COURSE, holder.publicKey(), null, null);
      SecuredCredential revoked =
          node.issuance().issueSdJwtVc(FixtureCourses.COURSE, holder.publicKey(), null, null);
      SecuredCredential suspended =
          node.issuance().issueSdJwtVc(FixtureCourses.COURSE, holder.publicKey(), null, null);
      String before = node.issuance().statusListToken("0");
      node.issuance().setStatus(revoked.id(), StatusAction.REVOKE);
      node.issuance().setStatus(suspended.id(), StatusAction.SUSPEND);

      String token = node.issuance().statusListToken("0");
      assertThat(token).isNotEqualTo(before);
      JsonNode header = part(token, 0);
      JsonNode claims = part(token, 1);
      assertThat(header.path("typ").asText()).isEqualTo("statuslist+jwt");
      assertThat(header.path("kid").asText()).startsWith(node.issuance().issuerDid() + "#");
      assertThat(claims.path("sub").asText())
          .isEqualTo("https://kosen.example/statuslists/token/0");
      assertThat(claims.path("exp").asLong()).isGreaterThan(claims.path("iat").asLong());
      assertThat(claims.path("ttl").asLong()).isPositive();
      assertThat(claims.path("status_list").path("bits").asInt()).isEqualTo(2);
      byte[] bytes =
          inflate(Base64.getUrlDecoder().decode(claims.path("status_list").path("lst").asText()));
      assertThat(bytes.length * 4).isEqualTo(131_072);
      assertThat(status(bytes, idx(valid))).isEqualTo(0);
      assertThat(status(bytes, idx(revoked))).isEqualTo(1);
      assertThat(status(bytes, idx(suspended))).isEqualTo(2);
      int set = 0;
      for (int i = 0; i < bytes.length * 4; i++) if (status(bytes, i) != 0) set++;
      assertThat(set).isEqualTo(2);

      assertThat(node.issuance().statusListToken("0"))
          .as("cached until the next change")
          .isEqualTo(token);
      node.issuance().setStatus(suspended.id(), StatusAction.UNSUSPEND);
      byte[] after =
          inflate(
              Base64.getUrlDecoder()
                  .decode(
                      part(node.issuance().statusListToken("0"), 1)
                          .path("status_list")
                          .path("lst")
                          .asText()));
      assertThat(status(after, idx(suspended))).isEqualTo(0);
      assertThat(status(after, idx(revoked))).isEqualTo(1);
    }
  }

  @Test
  void unusedListIsNotFound() throws Exception {
    try (ServiceFixture.Services node = ServiceFixture.open(dir, keys)) {
      assertThatThrownBy(() -> node.issuance().statusListToken("0"))
          .isInstanceOf(CredentialServiceException.class);
      node.issuance().issueSdJwtVc(FixtureCourses.COURSE, holder.publicKey(), null, null);
      assertThatThrownBy(() -> node.issuance().statusListToken("1"))
          .isInstanceOf(CredentialServiceException.class);
      assertThatThrownBy(() -> node.issuance().statusListToken("../0"))
          .isInstanceOf(CredentialServiceException.class);
    }
  }
}
