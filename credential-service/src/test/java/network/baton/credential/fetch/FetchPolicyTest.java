package network.baton.credential.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FetchPolicyTest {
  private final FetchPolicy publicOnly = FetchPolicy.publicOnly();
  private final FetchPolicy loopback = FetchPolicy.of(true);

  @Test
  void httpsUrlsPassTheUrlCheck() {
    assertThatNoException()
        .isThrownBy(
            () -> publicOnly.checkUrl(URI.create("https://kosen.example/.well-known/did.json")));
    assertThatNoException()
        .isThrownBy(() -> publicOnly.checkUrl(URI.create("HTTPS://kosen.example:8443/a/did.json")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://kosen.example/x",
        "ftp://kosen.example/x",
        "file:///etc/passwd",
        "jar:file:/x.jar!/y",
        "gopher://kosen.example/x",
        "https://user:secret@kosen.example/x",
        "/relative/path",
        "https:///no-host"
      })
  void otherUrlsAreRefusedBeforeAnyLookup(String url) {
    HostResolver tripwire =
        host -> {
          throw new AssertionError("looked up " + host);
        };
    FetchPolicy policy = publicOnly.withResolver(tripwire);

    assertThatThrownBy(() -> policy.checkUrl(URI.create(url)))
        .isInstanceOf(FetchRefusedException.class);
  }

  @Test
  void plainHttpOnlyToLoopbackHostsAndOnlyWhenAllowed() {
    assertThatThrownBy(() -> publicOnly.checkUrl(URI.create("http://localhost:8080/x")))
        .hasMessageContaining("is plain http; this node fetches over https only");
    assertThatNoException()
        .isThrownBy(() -> loopback.checkUrl(URI.create("http://localhost:8080/")));
    assertThatNoException().isThrownBy(() -> loopback.checkUrl(URI.create("http://127.0.0.1:1/")));
    assertThatNoException().isThrownBy(() -> loopback.checkUrl(URI.create("http://[::1]:1/")));
    assertThatThrownBy(() -> loopback.checkUrl(URI.create("http://kosen.example/x")))
        .hasMessageContaining("not loopback");
    assertThatThrownBy(() -> loopback.checkUrl(URI.create("http://localhost.example.com/x")))
        .hasMessageContaining("not loopback");
  }

  @Test
  void loopbackNamesAreTheLoopbackLiteralsAndLocalhost() {
    assertThat(FetchPolicy.isLoopbackName("localhost")).isTrue();
    assertThat(FetchPolicy.isLoopbackName("127.0.0.1")).isTrue();
    assertThat(FetchPolicy.isLoopbackName("127.9.9.9")).isTrue();
    assertThat(FetchPolicy.isLoopbackName("[::1]")).isTrue();
    assertThat(FetchPolicy.isLoopbackName("10.0.0.1")).isFalse();
    assertThat(FetchPolicy.isLoopbackName("[::]")).isFalse();
    assertThat(FetchPolicy.isLoopbackName("localhost.example.com")).isFalse();
    assertThat(FetchPolicy.isLoopbackName(null)).isFalse();
  }

  @Test
  void everyAddressANameResolvesToIsChecked() throws Exception {
    FetchPolicy policy =
        publicOnly.withResolver(
            host -> List.of(InetAddress.getByName("8.8.8.8"), InetAddress.getByName("10.0.0.7")));

    assertThatThrownBy(() -> policy.resolve("mixed.example"))
        .isInstanceOf(FetchRefusedException.class)
        .hasMessage(
            "mixed.example resolves to a private address (10.0.0.7), which this node does not"
                + " fetch from");
  }

  @Test
  void loopbackIsAllowedOnlyWithTheSettingAndOverAnyScheme() throws Exception {
    InetAddress local = InetAddress.getByName("127.0.0.1");

    assertThatThrownBy(() -> publicOnly.checkAddress("https", "localhost", local))
        .isInstanceOf(FetchRefusedException.class);
    assertThatNoException().isThrownBy(() -> loopback.checkAddress("https", "localhost", local));
    assertThatNoException().isThrownBy(() -> loopback.checkAddress("http", "localhost", local));
  }

  @Test
  void publicAddressesOnlyOverHttps() throws Exception {
    InetAddress remote = InetAddress.getByName("8.8.8.8");

    assertThatNoException()
        .isThrownBy(() -> publicOnly.checkAddress("https", "dns.example", remote));
    assertThatThrownBy(() -> loopback.checkAddress("http", "dns.example", remote))
        .hasMessageContaining("which this node fetches from over https only");
  }

  @Test
  void refusalCanBeToldAboutTheDidWhoseDocumentWasWanted() {
    FetchRefusedException refused =
        new FetchRefusedException(
            "127.0.0.1",
            "resolves to a loopback address (127.0.0.1), which this node does not fetch from");

    assertThat(refused.describe("did:web:127.0.0.1%3A9"))
        .isEqualTo(
            "did:web:127.0.0.1%3A9 resolves to a loopback address (127.0.0.1), which this node"
                + " does not fetch from");
    assertThat(refused.kind()).isEqualTo(FetchException.Kind.REFUSED);
  }

  /** Loopback over each scheme under each setting: refused, https only, http and https. */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
    "false, false, https, refused",
    "false, false, http, refused",
    "false, true, https, allowed",
    "false, true, http, refused",
    "true, false, https, allowed",
    "true, false, http, allowed",
    "true, true, http, allowed"
  })
  void loopbackMatrix(boolean http, boolean https, String scheme, String outcome) throws Exception {
    FetchPolicy policy = FetchPolicy.of(http, https);
    InetAddress loopbackAddress = InetAddress.getByName("127.0.0.1");
    URI url = URI.create(scheme + "://localhost:8443/.well-known/did.json");
    if (outcome.equals("allowed")) {
      assertThatNoException().isThrownBy(() -> policy.checkUrl(url));
      assertThatNoException()
          .isThrownBy(() -> policy.checkAddress(scheme, "localhost", loopbackAddress));
    } else {
      assertThatThrownBy(
              () -> {
                policy.checkUrl(url);
                policy.checkAddress(scheme, "localhost", loopbackAddress);
              })
          .isInstanceOf(FetchRefusedException.class);
    }
  }

  @Test
  void loopbackHttpsStillRefusesPrivateAddressesAndPlainHttpToLoopback() throws Exception {
    FetchPolicy policy = FetchPolicy.of(false, true);
    assertThat(policy.allowLoopbackHttp()).isFalse();
    assertThat(policy.allowLoopbackHttps()).isTrue();
    assertThatThrownBy(() -> policy.checkUrl(URI.create("http://localhost:8080/x")))
        .hasMessageContaining("is plain http");
    assertThatThrownBy(
            () -> policy.checkAddress("http", "evil.example", InetAddress.getByName("127.0.0.1")))
        .hasMessageContaining("over https only");
    assertThatThrownBy(
            () -> policy.checkAddress("https", "x.example", InetAddress.getByName("10.0.0.7")))
        .hasMessageContaining("a private address");
    assertThatNoException()
        .isThrownBy(
            () -> policy.withResolver(h -> List.of(InetAddress.getByName("::1"))).resolve("x"));
  }

  @Test
  void thePublicDefaultStillRefusesLoopbackOverHttps() throws Exception {
    assertThat(publicOnly.allowLoopbackHttps()).isFalse();
    assertThatThrownBy(
            () -> publicOnly.checkAddress("https", "localhost", InetAddress.getByName("127.0.0.1")))
        .hasMessageContaining("does not fetch from");
  }
}
