package network.baton.credential.did;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class DidWebTest {
  @Test
  void hostOnlyBaseUrlBecomesTheHost() {
    assertThat(DidWeb.fromBaseUrl(URI.create("https://example.edu/")))
        .isEqualTo("did:web:example.edu");
  }

  @Test
  void portIsPercentEncodedAndPathSegmentsJoinedWithColons() {
    assertThat(DidWeb.fromBaseUrl(URI.create("https://host:8443/path/to")))
        .isEqualTo("did:web:host%3A8443:path:to");
  }

  @Test
  void didWithoutPathResolvesToTheWellKnownDocument() {
    assertThat(DidWeb.documentUrl("did:web:example.edu", false))
        .isEqualTo(URI.create("https://example.edu/.well-known/did.json"));
  }

  @Test
  void didWithPortAndPathResolvesToDidJsonUnderThePath() {
    assertThat(DidWeb.documentUrl("did:web:host%3A8443:path:to", false))
        .isEqualTo(URI.create("https://host:8443/path/to/did.json"));
  }

  @Test
  void baseUrlAndDocumentUrlRoundTrip() {
    String did = DidWeb.fromBaseUrl(URI.create("http://127.0.0.1:9000"));
    assertThat(DidWeb.documentUrl(did, true))
        .isEqualTo(URI.create("http://127.0.0.1:9000/.well-known/did.json"));
  }

  @Test
  void malformedDidWebIsRefused() {
    assertThatThrownBy(() -> DidWeb.documentUrl("did:web:", false))
        .isInstanceOf(DidResolutionException.class);
    assertThatThrownBy(() -> DidWeb.documentUrl("did:web:evil.com/x", false))
        .isInstanceOf(DidResolutionException.class);
    assertThatThrownBy(() -> DidWeb.documentUrl("did:web:user%40evil.com", false))
        .isInstanceOf(DidResolutionException.class);
    assertThatThrownBy(() -> DidWeb.documentUrl("did:key:z6Mk", false))
        .isInstanceOf(DidResolutionException.class);
  }
}
