package network.baton.node.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdminTokensTest {

  @Test
  void newTokenIs32RandomBytesInBase64Url() {
    String token = AdminTokens.newToken(new SecureRandom());

    assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
    assertThat(token).doesNotContain("=", "+", "/");
    assertThat(AdminTokens.newToken(new SecureRandom())).isNotEqualTo(token);
  }

  @Test
  void onlyATokenWhoseHashIsConfiguredIsAccepted() {
    String token = AdminTokens.newToken(new SecureRandom());
    AdminTokens tokens =
        new AdminTokens(List.of(AdminTokens.hash("other"), AdminTokens.hash(token)));

    assertThat(tokens.accepts(token)).isTrue();
    assertThat(tokens.accepts(token + "x")).isFalse();
    assertThat(tokens.accepts("")).isFalse();
    assertThat(new AdminTokens(List.of()).accepts(token)).isFalse();
  }

  @Test
  void hashIsSha256Hex() {
    assertThat(AdminTokens.hash("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}
