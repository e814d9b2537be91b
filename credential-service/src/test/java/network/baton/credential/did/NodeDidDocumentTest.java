package network.baton.credential.did;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.json.JsonArray;
import java.security.SecureRandom;
import java.util.List;
import network.baton.credential.keys.KeyAlgorithm;
import network.baton.credential.keys.NodeKeys;
import network.baton.credential.keys.SigningKey;
import network.baton.vocab.ContextLoader;
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

    List<String> all =
        List.of(DID + "#key-1", DID + "#key-2", DID + "#key-1-jwk", DID + "#key-2-multikey");
    assertThat(doc.assertionMethod()).containsExactlyElementsOf(all);
    assertThat(doc.authentication()).containsExactlyElementsOf(all);
  }

  @Test
  void everyKeyIsListedAsMultikeyAndAsJsonWebKeyWithTheSameKey() {
    DidDocument doc = NodeDidDocument.build(DID, keys, NodeDidDocument.Format.MIXED);

    for (String[] pair : new String[][] {{"#key-1", "#key-1-jwk"}, {"#key-2-multikey", "#key-2"}}) {
      VerificationMethod multikey = doc.method(pair[0]).orElseThrow();
      VerificationMethod jwk = doc.method(pair[1]).orElseThrow();
      assertThat(multikey.type()).isEqualTo("Multikey");
      assertThat(jwk.type()).isEqualTo("JsonWebKey");
      assertThat(jwk.key()).isEqualTo(multikey.key());
    }
    ObjectNode json = doc.toJson();
    assertThat(json.at("/verificationMethod/2/publicKeyJwk/kty").asText()).isEqualTo("OKP");
    assertThat(json.at("/verificationMethod/2/publicKeyJwk/crv").asText()).isEqualTo("Ed25519");
    assertThat(json.at("/verificationMethod/3/publicKeyMultibase").asText()).startsWith("zDn");
  }

  @Test
  void theContextListsOnlyWhatTheDocumentUsesAndExpandsSafelyWithTheBundledContexts()
      throws Exception {
    ContextLoader contexts = ContextLoader.bundled();
    for (NodeDidDocument.Format format : NodeDidDocument.Format.values()) {
      ObjectNode json = NodeDidDocument.build(DID, keys, format).toJson();
      assertThat(json.get("@context").get(0).asText()).isEqualTo("https://www.w3.org/ns/did/v1");
      assertThat(json.get("@context").get(1).asText())
          .isEqualTo("https://w3id.org/security/multikey/v1");
      assertThat(json.get("@context").get(2).has("JsonWebKey")).isTrue();
      assertThat(json.get("@context")).hasSize(3);

      // JSON-LD safe mode: expansion fails if any term or type is undefined, or a context unknown.
      JsonArray expanded = contexts.expandStrict(contexts.readJsonObject(json.toString()), null);

      String text = expanded.toString();
      assertThat(text)
          .contains("https://w3id.org/security#JsonWebKey")
          .contains("https://w3id.org/security#Multikey")
          .contains("https://w3id.org/security#publicKeyJwk")
          .contains("https://w3id.org/security#publicKeyMultibase")
          .contains("https://w3id.org/security#assertionMethod")
          .contains("https://w3id.org/security#controller");
    }
  }

  @Test
  void aContextThatIsNotBundledOrATermNoContextDefinesFailsSafeExpansion() {
    ContextLoader contexts = ContextLoader.bundled();
    ObjectNode json = NodeDidDocument.build(DID, keys, NodeDidDocument.Format.MIXED).toJson();
    ObjectNode withJws2020 = json.deepCopy();
    withJws2020.withArray("@context").add("https://w3id.org/security/suites/jws-2020/v1");
    ObjectNode withUndefinedTerm = json.deepCopy();
    ((ObjectNode) withUndefinedTerm.at("/verificationMethod/0")).put("blockchainAccountId", "x");

    assertThatThrownBy(
            () -> contexts.expandStrict(contexts.readJsonObject(withJws2020.toString()), null))
        .hasMessageContaining("jws-2020");
    assertThatThrownBy(
            () ->
                contexts.expandStrict(contexts.readJsonObject(withUndefinedTerm.toString()), null))
        .hasMessageContaining("blockchainAccountId");
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
