package network.baton.credential.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import network.baton.credential.status.StatusList;
import network.baton.credential.status.StatusPurpose;
import org.junit.jupiter.api.Test;

class CredentialConfigTest {
  private final ObjectMapper json = new ObjectMapper();

  private JsonNode fixture() throws Exception {
    try (InputStream in =
        getClass().getResourceAsStream("/fixtures/service/credential-config.json")) {
      return json.readTree(in);
    }
  }

  @Test
  void configFileGivesDidStatusUrlsAndTrustList() throws Exception {
    CredentialConfig config = CredentialConfig.fromJson(fixture());
    assertThat(config.issuerDid()).isEqualTo("did:web:kosen.example%3A8443:node");
    assertThat(config.statusListSize()).isEqualTo(StatusList.MIN_SIZE);
    assertThat(config.statusListUrl(new StatusListId(2, StatusPurpose.SUSPENSION)))
        .isEqualTo(URI.create("https://kosen.example:8443/node/status/2-suspension"));
    assertThat(config.credentialsDir()).isEqualTo(Path.of("/var/lib/baton/credentials"));
    assertThat(config.trustList().trusts("did:web:univ.example")).isTrue();
    assertThat(config.trustList().trusts("did:web:elsewhere.example")).isFalse();
  }

  @Test
  void withoutTrustedIssuersOnlyTheNodeItselfIsTrusted() {
    CredentialConfig config =
        CredentialConfig.of(URI.create("https://kosen.example"), "Kosen", Path.of("data"));
    assertThat(config.trustList().trusts("did:web:kosen.example")).isTrue();
    assertThat(config.trustList().trusts("did:web:univ.example")).isFalse();
  }

  @Test
  void badSettingsAreRefusedWithTheSettingNamed() throws Exception {
    JsonNode noBase =
        ((com.fasterxml.jackson.databind.node.ObjectNode) fixture()).without("baseUrl");
    assertThatThrownBy(() -> CredentialConfig.fromJson(noBase)).hasMessageContaining("baseUrl");
    JsonNode smallList =
        ((com.fasterxml.jackson.databind.node.ObjectNode) fixture()).put("statusListSize", 1000);
    assertThatThrownBy(() -> CredentialConfig.fromJson(smallList)).hasMessageContaining("at least");
    JsonNode notDid =
        ((com.fasterxml.jackson.databind.node.ObjectNode) fixture())
            .set("trustedIssuers", json.createArrayNode().add("https://univ.example"));
    assertThatThrownBy(() -> CredentialConfig.fromJson(notDid)).hasMessageContaining("not a DID");
    JsonNode relative =
        ((com.fasterxml.jackson.databind.node.ObjectNode) fixture()).put("baseUrl", "/node");
    assertThatThrownBy(() -> CredentialConfig.fromJson(relative)).hasMessageContaining("absolute");
  }
}
