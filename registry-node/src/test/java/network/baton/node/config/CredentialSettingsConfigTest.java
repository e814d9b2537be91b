package network.baton.node.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialSettingsConfigTest {

  private final NodeYaml yaml;

  CredentialSettingsConfigTest(@TempDir Path folder) {
    yaml = new NodeYaml(folder, "d", "http://localhost:8080");
  }

  @Test
  void credentialSettingsAreReadFromTheConfigFile() throws IOException {
    NodeConfig config =
        yaml.read(
            "keyPassphrase: s3cret\nallowLoopbackHttp: true\ntrustedIssuers: [did:web:a.example]\n");

    assertThat(config.credentials().keyPassphrase()).isEqualTo("s3cret");
    assertThat(config.credentials().allowLoopbackHttp()).isTrue();
    assertThat(config.credentials().trustedIssuers()).containsExactly("did:web:a.example");
  }

  @Test
  void withoutThemHttpsOnlyNoPassphraseAndOnlyTheNodeItselfIsTrusted() throws IOException {
    CredentialSettings settings = yaml.read("").credentials();

    assertThat(settings.keyPassphrase()).isNull();
    assertThat(settings.allowLoopbackHttp()).isFalse();
    assertThat(settings.trustedIssuers()).isEmpty();
  }

  @Test
  void otherIssuersStatusListsAreCachedForTheConfiguredTimeOrFiveMinutes() throws IOException {
    assertThat(yaml.read("statusListCacheTtl: 10s\n").credentials().statusListCacheTtl())
        .isEqualTo(java.time.Duration.ofSeconds(10));
    assertThat(yaml.read("statusListCacheTtl: 0\n").credentials().statusListCacheTtl()).isZero();
    assertThat(yaml.read("").credentials().statusListCacheTtl()).isNull();
    yaml.refuses("statusListCacheTtl: soon\n")
        .hasMessageContaining("statusListCacheTtl must be a duration");
    yaml.refuses("statusListCacheTtl: -5\n")
        .hasMessageContaining("statusListCacheTtl must not be negative");
  }

  @Test
  void thePassphraseNeverShowsInTheSettingsText() throws IOException {
    assertThat(yaml.read("keyPassphrase: s3cret\n").credentials().toString())
        .doesNotContain("s3cret");
  }

  @Test
  void badValuesAreOneLineErrors() {
    yaml.refuses("allowLoopbackHttp: yes please\n")
        .hasMessageContaining("allowLoopbackHttp must be true or false");
    yaml.refuses("trustedIssuers: [https://a.example]\n")
        .hasMessageContaining("trustedIssuers entries must be DIDs");
  }
}
