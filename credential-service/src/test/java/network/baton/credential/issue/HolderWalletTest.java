package network.baton.credential.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import network.baton.credential.did.DidKey;
import network.baton.credential.jose.BcJose;
import network.baton.credential.keys.EncryptedKeyPem;
import network.baton.credential.keys.KeyFile;
import network.baton.credential.keys.WrongPassphraseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HolderWalletTest {
  private final HolderWallet wallet = HolderWallet.generate(new SecureRandom());

  @Test
  void holderDidIsAnEd25519DidKey() {
    assertThat(wallet.did()).startsWith("did:key:z6Mk");
    assertThat(DidKey.publicKey(wallet.did())).isEqualTo(wallet.key().publicKey());
  }

  @Test
  void presentationEnvelopesTheCredentialsAndCarriesNonceAndAudience() throws Exception {
    String vp = wallet.present(List.of("a.b.c", "d.e.f"), "n-123", "https://employer.example");

    JWSObject jws = JWSObject.parse(vp);
    JsonNode payload = new ObjectMapper().readTree(jws.getPayload().toString());
    assertThat(jws.getHeader().getType().getType()).isEqualTo("vp+jwt");
    assertThat(jws.getHeader().getContentType()).isEqualTo("vp");
    assertThat(jws.getHeader().getKeyID()).isEqualTo(DidKey.keyId(wallet.key().publicKey()));
    assertThat(payload.at("/type/0").asText()).isEqualTo("VerifiablePresentation");
    assertThat(payload.get("holder").asText()).isEqualTo(wallet.did());
    assertThat(payload.at("/verifiableCredential/0/type").asText())
        .isEqualTo("EnvelopedVerifiableCredential");
    assertThat(payload.at("/verifiableCredential/1/id").asText())
        .isEqualTo("data:application/vc+jwt,d.e.f");
    assertThat(payload.get("nonce").asText()).isEqualTo("n-123");
    assertThat(payload.get("aud").asText()).isEqualTo("https://employer.example");
    assertThat(jws.verify(BcJose.verifier(wallet.key().publicKey()))).isTrue();
  }

  @Test
  void savedWalletLoadsWithTheSameDidAndAnOwnerOnlyFile(@TempDir Path dir) throws Exception {
    KeyFile keyFile = new KeyFile(new EncryptedKeyPem(new SecureRandom(), 10_000));
    Path file = dir.resolve("wallet/holder.pem");
    wallet.save(file, "pw".toCharArray(), keyFile);

    HolderWallet loaded = HolderWallet.load(file, "pw".toCharArray(), keyFile);

    assertThat(loaded.did()).isEqualTo(wallet.did());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThatThrownBy(() -> HolderWallet.load(file, "wrong".toCharArray(), keyFile))
        .isInstanceOf(WrongPassphraseException.class);
    assertThatThrownBy(() -> wallet.save(file, "pw".toCharArray(), keyFile))
        .hasMessageContaining("already exists");
  }

  @Test
  void presentingNothingOrWithoutNonceIsRefused() {
    assertThatThrownBy(() -> wallet.present(List.of(), "n", "a")).hasMessageContaining("nothing");
    assertThatThrownBy(() -> wallet.present(List.of("a.b.c"), " ", "a"))
        .hasMessageContaining("blank");
  }
}
