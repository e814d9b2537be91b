package network.baton.credential.did;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.HexFormat;
import network.baton.credential.keys.KeyAlgorithm;
import network.baton.credential.keys.PublicKeyMaterial;
import network.baton.credential.keys.SigningKey;
import org.junit.jupiter.api.Test;

class DidKeyTest {
  private static final String VECTOR_DID =
      "did:key:z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi";

  private JsonNode keyPair() throws Exception {
    try (InputStream in =
        getClass().getResourceAsStream("/fixtures/did/ob3-test-vector-key.json")) {
      return new ObjectMapper().readTree(in).get("keyPair");
    }
  }

  @Test
  void openBadgesTestKeyEncodesToItsPublishedDidKey() throws Exception {
    byte[] raw = HexFormat.of().parseHex(keyPair().get("publicKeyHex").asText());

    PublicKeyMaterial key = new PublicKeyMaterial(KeyAlgorithm.ED25519, raw);

    assertThat(DidKey.of(key)).isEqualTo(VECTOR_DID);
    assertThat(Multikey.encode(key)).isEqualTo(keyPair().get("publicKeyMultibase").asText());
  }

  @Test
  void openBadgesDidKeyDecodesToTheTestPublicKey() throws Exception {
    PublicKeyMaterial key = DidKey.publicKey(VECTOR_DID);

    assertThat(HexFormat.of().formatHex(key.encoded()))
        .isEqualTo(keyPair().get("publicKeyHex").asText());
  }

  @Test
  void seedOfTheTestVectorDerivesTheSamePublicKey() throws Exception {
    byte[] seed =
        HexFormat.of()
            .parseHex(keyPair().get("privateKeyHex_seedThenPublic").asText().substring(0, 64));

    SigningKey key = SigningKey.ed25519("k", seed);

    assertThat(DidKey.of(key.publicKey())).isEqualTo(VECTOR_DID);
  }

  @Test
  void didKeyDocumentListsItsOnlyKeyForAssertionAndAuthentication() {
    DidDocument doc = DidKey.document(VECTOR_DID);
    String methodId = VECTOR_DID + "#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi";

    assertThat(doc.id()).isEqualTo(VECTOR_DID);
    assertThat(doc.method(methodId)).isPresent();
    assertThat(doc.canAssert(methodId)).isTrue();
    assertThat(doc.canAuthenticate(methodId)).isTrue();
    assertThat(DidKey.keyId(DidKey.publicKey(VECTOR_DID))).isEqualTo(methodId);
  }

  @Test
  void p256KeysRoundTripThroughDidKey() {
    PublicKeyMaterial key =
        SigningKey.generate(KeyAlgorithm.P256, "k", new SecureRandom()).publicKey();

    String did = DidKey.of(key);

    assertThat(did).startsWith("did:key:zDn");
    assertThat(DidKey.publicKey(did)).isEqualTo(key);
  }

  @Test
  void malformedDidKeysAreRefusedWithAReason() {
    assertThatThrownBy(() -> DidKey.publicKey("did:key:z0OIl"))
        .isInstanceOf(DidResolutionException.class)
        .hasMessageContaining("malformed did:key");
    assertThatThrownBy(() -> DidKey.publicKey("did:key:mAbc"))
        .isInstanceOf(DidResolutionException.class)
        .hasMessageContaining("base58btc");
    assertThatThrownBy(() -> DidKey.publicKey("did:web:example.com"))
        .isInstanceOf(DidResolutionException.class);
    assertThatThrownBy(() -> DidKey.publicKey("did:key:z6Mk"))
        .isInstanceOf(DidResolutionException.class);
  }
}
