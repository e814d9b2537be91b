package network.baton.credential.fetch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static network.baton.credential.fetch.Resolvers.always;
import static network.baton.credential.fetch.Resolvers.resolving;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fetcher against a tripwire on loopback (fails the test if anything connects) and a real
 * loopback server: every form of a refused address is refused before a connection is made, a name
 * is judged by the address it resolves to at the moment of connecting, and limits still hold.
 */
@Timeout(60)
class HttpFetcherTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(3);
  private static final String PUBLIC = "93.184.215.14";

  private Tripwire tripwire;
  private HttpServer server;
  private ExecutorService executor;
  private final AtomicInteger hits = new AtomicInteger();

  @BeforeEach
  void start() throws IOException {
    tripwire = Tripwire.start();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    executor = Executors.newCachedThreadPool();
    server.setExecutor(executor);
    server.createContext(
        "/ok",
        ex -> {
          hits.incrementAndGet();
          reply(ex, 200, "hello");
        });
    server.createContext(
        "/to-tripwire",
        ex -> {
          ex.getResponseHeaders().add("Location", "http://127.0.0.1:" + tripwire.port() + "/");
          ex.sendResponseHeaders(302, -1);
          ex.close();
        });
    server.createContext("/huge", ex -> reply(ex, 200, "x".repeat(5000)));
    server.createContext("/huge-chunked", TestAnswers.unboundedSpaces(100, 1000));
    server.createContext(
        "/dribble",
        ex -> {
          ex.sendResponseHeaders(200, 0);
          try (OutputStream out = ex.getResponseBody()) {
            // One byte at a time, each well within any read timeout, never ending in time.
            for (int i = 0; i < 300; i++) {
              out.write('x');
              out.flush();
              Thread.sleep(100);
            }
          } catch (IOException | InterruptedException expected) {
            // the fetcher gives up first
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    executor.shutdownNow();
    tripwire.close();
  }

  private static void reply(HttpExchange ex, int status, String body) throws IOException {
    TestAnswers.reply(ex, status, null, body);
  }

  private String local(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private static HttpFetcher fetcher(FetchPolicy policy) {
    return new HttpFetcher(policy, TIMEOUT, 1024);
  }

  @Test
  void tripwireSeesEveryLoopbackFormConnectingToIt() throws IOException {
    List<String> hosts = new java.util.ArrayList<>(List.of("127.0.0.1", "0.0.0.0", "localhost"));
    if (tripwire.hasIpv6()) hosts.add("::1");
    for (String host : hosts) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(host, tripwire.port()), 2000);
      }
    }

    assertThat(tripwire.connections()).hasSize(hosts.size());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://127.0.0.1:%d/.well-known/did.json",
        "http://127.0.0.1:%d/status/1",
        "https://localhost:%d/",
        "https://LOCALHOST:%d/",
        "https://[::1]:%d/",
        "https://[0:0:0:0:0:0:0:1]:%d/",
        "https://0.0.0.0:%d/",
        "https://[::]:%d/",
        "https://[::ffff:127.0.0.1]:%d/",
        "https://[::ffff:7f00:1]:%d/",
        "https://[::127.0.0.1]:%d/",
        "https://[64:ff9b::7f00:1]:%d/",
        "https://127.1:%d/",
        "https://127.0.0.2:%d/",
        "https://2130706433:%d/",
        "https://user@127.0.0.1:%d/",
        "ftp://127.0.0.1:%d/",
        "file://127.0.0.1:%d/etc/passwd"
      })
  void loopbackInAnyFormIsRefusedWithoutConnecting(String template) {
    URI url = URI.create(template.formatted(tripwire.port()));

    assertThatThrownBy(() -> fetcher(FetchPolicy.publicOnly()).get(url, "*/*"))
        .isInstanceOf(FetchRefusedException.class);
    tripwire.assertUntouched();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"https://0x7f000001:%d/", "https://0177.0.0.1:%d/", "https://127.0.0.1.:%d/"})
  void otherSpellingsOfLoopbackNeverConnect(String template) {
    URI url = URI.create(template.formatted(tripwire.port()));

    // Refused, or not even a known host: either way nothing is sent.
    assertThatThrownBy(() -> fetcher(FetchPolicy.publicOnly()).get(url, "*/*"))
        .isInstanceOf(FetchException.class);
    tripwire.assertUntouched();
  }

  @Test
  void refusalSaysWhatTheAddressIs() {
    URI url = URI.create("https://127.0.0.1:" + tripwire.port() + "/x");

    assertThatThrownBy(() -> fetcher(FetchPolicy.publicOnly()).get(url, "*/*"))
        .isInstanceOf(FetchRefusedException.class)
        .hasMessage(
            "127.0.0.1 resolves to a loopback address (127.0.0.1), which this node does not fetch"
                + " from");
    tripwire.assertUntouched();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "10.0.0.1|a private address",
        "10.255.1.2|a private address",
        "172.16.5.4|a private address",
        "192.168.1.1|a private address",
        "169.254.169.254|a link-local address",
        "100.64.0.1|a shared (carrier-grade NAT) address",
        "[fd00::1]|a private address",
        "[fe80::1]|a link-local address",
        "[::ffff:169.254.169.254]|a link-local address",
        "224.0.0.1|a multicast address",
        "[ff02::1]|a multicast address",
        "255.255.255.255|a reserved (non-public) address",
        "192.0.2.10|a reserved (non-public) address"
      })
  void nonPublicAddressesAreRefusedWhateverTheLoopbackSetting(String host, String kind) {
    URI url = URI.create("https://" + host + "/latest/meta-data/");

    for (FetchPolicy policy : List.of(FetchPolicy.publicOnly(), FetchPolicy.of(true))) {
      assertThatThrownBy(() -> fetcher(policy).get(url, "*/*"))
          .isInstanceOf(FetchRefusedException.class)
          .hasMessageContaining("resolves to " + kind)
          .hasMessageEndingWith("which this node does not fetch from");
    }
  }

  @Test
  void withLoopbackAllowedALoopbackServerAnswersOverPlainHttp() throws IOException {
    HttpFetcher fetcher = fetcher(FetchPolicy.of(true));

    HttpFetcher.Answer answer = fetcher.get(URI.create(local("/ok")), "text/plain");
    HttpFetcher.Answer byName =
        fetcher.get(
            URI.create("http://localhost:" + server.getAddress().getPort() + "/ok"), "text/plain");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(new String(answer.body(), UTF_8)).isEqualTo("hello");
    assertThat(byName.status()).isEqualTo(200);
    assertThat(hits).hasValue(2);
  }

  @Test
  void withoutLoopbackAllowedTheLoopbackServerIsNeverReached() {
    assertThatThrownBy(() -> fetcher(FetchPolicy.publicOnly()).get(URI.create(local("/ok")), "*/*"))
        .isInstanceOf(FetchRefusedException.class)
        .hasMessageContaining("https only");
    assertThat(hits).hasValue(0);
  }

  @Test
  void plainHttpIsOnlyForLoopbackHostsEvenWhenAllowed() {
    assertThatThrownBy(
            () -> fetcher(FetchPolicy.of(true)).get(URI.create("http://issuer.example/x"), "*/*"))
        .isInstanceOf(FetchRefusedException.class)
        .hasMessageContaining("not loopback");
  }

  @Test
  void nameResolvingToLoopbackIsRefused() {
    FetchPolicy policy =
        FetchPolicy.publicOnly().withResolver(resolving("evil.example", always("127.0.0.1")));
    URI url = URI.create("https://evil.example:" + tripwire.port() + "/.well-known/did.json");

    assertThatThrownBy(() -> fetcher(policy).get(url, "*/*"))
        .isInstanceOf(FetchRefusedException.class)
        .hasMessage(
            "evil.example resolves to a loopback address (127.0.0.1), which this node does not"
                + " fetch from");
    tripwire.assertUntouched();
  }

  @Test
  void nameThatRebindsToLoopbackAfterLookingPublicIsRefusedOnTheAddressConnected()
      throws Exception {
    AtomicInteger lookups = new AtomicInteger();
    HostResolver rebinding =
        host -> List.of(InetAddress.getByName(lookups.incrementAndGet() == 1 ? PUBLIC : "::1"));
    FetchPolicy policy =
        FetchPolicy.publicOnly().withResolver(resolving("evil.example", rebinding));
    // The first answer is public: a check of the name alone would let it through ...
    assertThat(policy.resolve("evil.example")).containsExactly(InetAddress.getByName(PUBLIC));

    // ... but the connection uses a lookup of its own, and that one is what gets checked.
    URI url = URI.create("https://evil.example:" + tripwire.port() + "/");
    assertThatThrownBy(() -> fetcher(policy).get(url, "*/*"))
        .isInstanceOf(FetchRefusedException.class)
        .hasMessageContaining("evil.example resolves to a loopback address (0:0:0:0:0:0:0:1)");
    assertThat(lookups).hasValue(2);
    tripwire.assertUntouched();
  }

  @Test
  void nameMixingPublicAndLoopbackAddressesIsRefusedWhole() {
    FetchPolicy policy =
        FetchPolicy.publicOnly()
            .withResolver(resolving("evil.example", always(PUBLIC, "127.0.0.1")));
    URI url = URI.create("https://evil.example:" + tripwire.port() + "/");

    assertThatThrownBy(() -> fetcher(policy).get(url, "*/*"))
        .isInstanceOf(FetchRefusedException.class)
        .hasMessageContaining("(127.0.0.1)");
    tripwire.assertUntouched();
  }

  @Test
  void plainHttpToAnAddressThatTurnsOutPublicIsRefusedByTheSocketBeforeConnecting() {
    // localhost may have plain http; if it resolves to a public address, the socket itself, which
    // knows the scheme, refuses to connect.
    FetchPolicy policy = FetchPolicy.of(true).withResolver(resolving("localhost", always(PUBLIC)));
    URI url = URI.create("http://localhost:" + tripwire.port() + "/");

    assertThatThrownBy(() -> fetcher(policy).get(url, "*/*"))
        .isInstanceOf(FetchRefusedException.class)
        .hasMessage(
            "localhost resolves to a public address ("
                + PUBLIC
                + "), which this node fetches from over https only");
  }

  @Test
  void unknownHostFailsInPlainWords() {
    HostResolver none =
        host -> {
          throw new UnknownHostException(host);
        };
    FetchPolicy policy = FetchPolicy.publicOnly().withResolver(none);

    assertThatThrownBy(() -> fetcher(policy).get(URI.create("https://nowhere.example/"), "*/*"))
        .isInstanceOf(FetchException.class)
        .hasMessage("unknown host nowhere.example");
  }

  @Test
  void redirectComesBackAsItsStatusAndIsNotFollowed() throws IOException {
    HttpFetcher.Answer answer =
        fetcher(FetchPolicy.of(true)).get(URI.create(local("/to-tripwire")), "*/*");

    assertThat(answer.status()).isEqualTo(302);
    assertThat(answer.body()).isEmpty();
    tripwire.assertUntouched();
  }

  @Test
  void answersOverTheLimitAreCutOffWithOrWithoutALength() {
    HttpFetcher fetcher = fetcher(FetchPolicy.of(true));
    for (String path : List.of("/huge", "/huge-chunked")) {
      assertThatThrownBy(() -> fetcher.get(URI.create(local(path)), "*/*"))
          .isInstanceOfSatisfying(
              FetchException.class,
              e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.TOO_LARGE))
          .hasMessage("the answer is more than 1024 bytes");
    }
  }

  @Test
  void answerDribblingInIsCutAtTheDeadlineForTheWholeFetch() {
    HttpFetcher fetcher = new HttpFetcher(FetchPolicy.of(true), Duration.ofMillis(700), 1024);

    assertThatThrownBy(() -> fetcher.get(URI.create(local("/dribble")), "*/*"))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.TIMEOUT))
        .hasMessage("no answer within 700 ms");
  }
}
