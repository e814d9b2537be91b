package network.baton.credential.did;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.List;
import network.baton.credential.keys.KeyAlgorithm;
import network.baton.credential.keys.NodeKeys;
import network.baton.credential.keys.SigningKey;
import org.junit.jupiter.api.Test;

class NodeDidDocumentTest {
  private static final String DID = "did:web:node.example%3A8443";
  private final SecureRandom random = new SecureRandom();
  private final NodeKeys keys =
      new NodeKeys(
          List.of(
              SigningKey.generate(KeyAlgorithm.ED25519, "key-1", random),
              SigningKey.generate(KeyAlgorithm.P256, "key-2", random)));

  @Test
  void everyKeyOldOrNewIsAnAssertionMethod() {
    DidDocument doc = NodeDidDocument.build(DID, keys, NodeDidDocument.Format.MIXED);

    assertThat(doc.assertionMethod()).containsExactly(DID + "#key-1", DID + "#key-2");
    assertThat(doc.authentication()).containsExactly(DID + "#key-1", DID + "#key-2");
  }

  @Test
  void mixedFormatWritesMultikeyForEd25519AndJwkForP256() {
    ObjectNode json = NodeDidDocument.build(DID, keys, NodeDidDocument.Format.MIXED).toJson();

    assertThat(json.get("@context").get(0).asText()).isEqualTo("https://www.w3.org/ns/did/v1");
    assertThat(json.at("/verificationMethod/0/type").asText()).isEqualTo("Multikey");
    assertThat(json.at("/verificationMethod/0/publicKeyMultibase").asText()).startsWith("z6Mk");
    assertThat(json.at("/verificationMethod/1/type").asText()).isEqualTo("JsonWebKey");
    assertThat(json.at("/verificationMethod/1/publicKeyJwk/crv").asText()).isEqualTo("P-256");
    assertThat(json.at("/verificationMethod/1/publicKeyJwk").has("d")).isFalse();
  }

  @Test
  void documentJsonParsesBackToTheSameKeysInEveryFormat() {
    for (NodeDidDocument.Format format : NodeDidDocument.Format.values()) {
      DidDocument doc = NodeDidDocument.build(DID, keys, format);

      DidDocument parsed = DidDocument.parse(doc.toJson());

      assertThat(parsed).isEqualTo(doc);
    }
  }

  @Test
  void relativeReferencesAreReadAsFragmentsOfTheDid() {
    ObjectNode json = NodeDidDocument.build(DID, keys, NodeDidDocument.Format.MULTIKEY).toJson();
    json.putArray("assertionMethod").add("#key-2");

    DidDocument parsed = DidDocument.parse(json);

    assertThat(parsed.canAssert(DID + "#key-2")).isTrue();
    assertThat(parsed.canAssert(DID + "#key-1")).isFalse();
  }

  @Test
  void aDocumentPublishingAPrivateKeyIsRefused() {
    ObjectNode json =
        NodeDidDocument.build(DID, keys, NodeDidDocument.Format.JSON_WEB_KEY).toJson();
    ((ObjectNode) json.at("/verificationMethod/0/publicKeyJwk")).put("d", "secret");

    assertThatThrownBy(() -> DidDocument.parse(json))
        .isInstanceOf(DidResolutionException.class)
        .hasMessageContaining("private key");
  }
}
