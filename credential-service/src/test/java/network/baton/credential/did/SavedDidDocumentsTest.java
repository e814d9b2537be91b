package network.baton.credential.did;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.util.List;
import network.baton.credential.keys.KeyAlgorithm;
import network.baton.credential.keys.NodeKeys;
import network.baton.credential.keys.SigningKey;
import org.junit.jupiter.api.Test;

class SavedDidDocumentsTest {
  private final SecureRandom random = new SecureRandom();
  private final NodeKeys keys =
      new NodeKeys(List.of(SigningKey.generate(KeyAlgorithm.ED25519, "key-1", random)));
  private final JsonNode saved =
      NodeDidDocument.build("did:web:a.example", keys, NodeDidDocument.Format.MULTIKEY).toJson();

  @Test
  void resolvesSavedDidWebDocumentsAndDidKeysOffline() {
    SavedDidDocuments offline = SavedDidDocuments.of(List.of(saved));
    String holder = DidKey.of(SigningKey.generate(KeyAlgorithm.ED25519, "h", random).publicKey());

    assertThat(offline.resolve("did:web:a.example").method("#key-1")).isPresent();
    assertThat(offline.resolve(holder).id()).isEqualTo(holder);
  }

  @Test
  void unknownDidWebFailsSayingItIsOffline() {
    SavedDidDocuments offline = SavedDidDocuments.of(List.of(saved));

    assertThatThrownBy(() -> offline.resolve("did:web:b.example"))
        .isInstanceOf(DidResolutionException.class)
        .hasMessageContaining("offline");
  }
}
