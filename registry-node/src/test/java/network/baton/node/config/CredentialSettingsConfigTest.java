package network.baton.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialSettingsConfigTest {

  @TempDir Path folder;
  private final NodeConfigReader reader = new NodeConfigReader();

  private NodeConfig read(String yaml) throws IOException {
    return reader.read(
        Files.writeString(
            folder.resolve("node.yaml"), "dataDir: d\nbaseUrl: http://localhost:8080\n" + yaml));
  }

  @Test
  void credentialSettingsAreReadFromTheConfigFile() throws IOException {
    NodeConfig config =
        read(
            "keyPassphrase: s3cret\nallowLoopbackHttp: true\ntrustedIssuers: [did:web:a.example]\n");

    assertThat(config.credentials().keyPassphrase()).isEqualTo("s3cret");
    assertThat(config.credentials().allowLoopbackHttp()).isTrue();
    assertThat(config.credentials().trustedIssuers()).containsExactly("did:web:a.example");
  }

  @Test
  void withoutThemHttpsOnlyNoPassphraseAndOnlyTheNodeItselfIsTrusted() throws IOException {
    CredentialSettings settings = read("").credentials();

    assertThat(settings.keyPassphrase()).isNull();
    assertThat(settings.allowLoopbackHttp()).isFalse();
    assertThat(settings.trustedIssuers()).isEmpty();
  }

  @Test
  void otherIssuersStatusListsAreCachedForTheConfiguredTimeOrFiveMinutes() throws IOException {
    assertThat(read("statusListCacheTtl: 10s\n").credentials().statusListCacheTtl())
        .isEqualTo(java.time.Duration.ofSeconds(10));
    assertThat(read("statusListCacheTtl: 0\n").credentials().statusListCacheTtl()).isZero();
    assertThat(read("").credentials().statusListCacheTtl()).isNull();
    assertThatThrownBy(() -> read("statusListCacheTtl: soon\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("statusListCacheTtl must be a duration");
    assertThatThrownBy(() -> read("statusListCacheTtl: -5\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("statusListCacheTtl must not be negative");
  }

  @Test
  void thePassphraseNeverShowsInTheSettingsText() throws IOException {
    assertThat(read("keyPassphrase: s3cret\n").credentials().toString()).doesNotContain("s3cret");
  }

  @Test
  void badValuesAreOneLineErrors() {
    assertThatThrownBy(() -> read("allowLoopbackHttp: yes please\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("allowLoopbackHttp must be true or false");
    assertThatThrownBy(() -> read("trustedIssuers: [https://a.example]\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("trustedIssuers entries must be DIDs");
  }
}
