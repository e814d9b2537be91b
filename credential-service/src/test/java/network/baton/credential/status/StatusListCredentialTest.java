package network.baton.credential.status;

import static network.baton.credential.integrity.TestContexts.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import network.baton.credential.did.DidKey;
import network.baton.credential.did.DidKeyResolver;
import network.baton.credential.integrity.DidVerificationKeys;
import network.baton.credential.integrity.EddsaRdfc2022;
import network.baton.credential.integrity.ProofOptions;
import network.baton.credential.integrity.TestContexts;
import network.baton.credential.keys.PublicKeyMaterial;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class StatusListCredentialTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final URI LIST = URI.create("https://node.example/status/1");

  @Test
  void builtCredentialHasTheSpecShapeAndReadsBack() throws Exception {
    StatusList list = StatusList.create();
    list.set(42);
    StatusListCredential credential =
        new StatusListCredential(
            LIST,
            "did:web:node.example",
            StatusPurpose.SUSPENSION,
            list,
            Instant.parse("2026-11-28T10:00:00.5Z"),
            null);

    ObjectNode json = credential.toJson();

    assertThat(json.path("type").toString())
        .isEqualTo("[\"VerifiableCredential\",\"BitstringStatusListCredential\"]");
    assertThat(json.path("validFrom").asText()).isEqualTo("2026-11-28T10:00:00Z");
    assertThat(json.path("credentialSubject").path("type").asText())
        .isEqualTo("BitstringStatusList");
    assertThat(json.path("credentialSubject").path("statusPurpose").asText())
        .isEqualTo("suspension");
    StatusListCredential back = StatusListCredential.fromJson(json, StatusList.DEFAULT_MAX_SIZE);
    assertThat(back.purpose()).isEqualTo(StatusPurpose.SUSPENSION);
    assertThat(back.issuer()).isEqualTo("did:web:node.example");
    assertThat(back.list().get(42)).isTrue();
    assertThat(back.list().get(41)).isFalse();
  }

  @Test
  void builtCredentialSignsWithDataIntegrityWithoutUndefinedTerms() throws Exception {
    Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(new SecureRandom());
    String did = DidKey.of(PublicKeyMaterial.of(key.generatePublicKey()));
    String vm = did + "#" + did.substring("did:key:".length());
    StatusListCredential credential =
        new StatusListCredential(
            LIST, did, StatusPurpose.REVOCATION, StatusList.create(), Instant.now(), null);
    EddsaRdfc2022 suite = new EddsaRdfc2022(TestContexts.loader());

    String signed =
        suite.sign(credential.toJson().toString(), ProofOptions.assertion(vm, Instant.now()), key);

    assertThat(suite.verify(signed, DidVerificationKeys.assertion(new DidKeyResolver())).valid())
        .isTrue();
  }

  @Test
  void conformanceListCredentialReads() throws Exception {
    JsonNode vc = JSON.readTree(fixture("status/status-list-credential-index23-revoked.json"));

    StatusListCredential parsed = StatusListCredential.fromJson(vc, StatusList.DEFAULT_MAX_SIZE);

    assertThat(parsed.purpose()).isEqualTo(StatusPurpose.REVOCATION);
    assertThat(parsed.list().get(23)).isTrue();
  }

  @Test
  void wrongShapesAreRefusedWithAReason() throws Exception {
    ObjectNode good =
        (ObjectNode) JSON.readTree(fixture("status/status-list-credential-index23-revoked.json"));

    ObjectNode wrongType = good.deepCopy().put("type", "VerifiableCredential");
    assertThatThrownBy(() -> StatusListCredential.fromJson(wrongType, StatusList.DEFAULT_MAX_SIZE))
        .hasMessageContaining("not of type BitstringStatusListCredential");

    ObjectNode wrongPurpose = good.deepCopy();
    ((ObjectNode) wrongPurpose.get("credentialSubject")).put("statusPurpose", "message");
    assertThatThrownBy(
            () -> StatusListCredential.fromJson(wrongPurpose, StatusList.DEFAULT_MAX_SIZE))
        .hasMessageContaining("statusPurpose");

    ObjectNode wideStatus = good.deepCopy();
    ((ObjectNode) wideStatus.get("credentialSubject")).put("statusSize", 2);
    assertThatThrownBy(() -> StatusListCredential.fromJson(wideStatus, StatusList.DEFAULT_MAX_SIZE))
        .hasMessageContaining("statusSize");
  }

  @Test
  void entryJsonWritesTheIndexAsAString() throws Exception {
    ObjectNode json = StatusEntry.of(LIST, StatusPurpose.REVOCATION, 23).toJson();

    assertThat(json.get("statusListIndex").isTextual()).isTrue();
    assertThat(json.get("id").asText()).isEqualTo(LIST + "#23");
    assertThat(StatusEntry.fromJson(json))
        .isEqualTo(StatusEntry.of(LIST, StatusPurpose.REVOCATION, 23));
  }
}
