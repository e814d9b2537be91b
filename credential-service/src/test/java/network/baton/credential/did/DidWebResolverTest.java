package network.baton.credential.did;

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
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import network.baton.credential.fetch.FetchPolicy;
import network.baton.credential.fetch.TestAnswers;
import network.baton.credential.fetch.Tripwire;
import network.baton.credential.keys.KeyAlgorithm;
import network.baton.credential.keys.NodeKeys;
import network.baton.credential.keys.SigningKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(20)
class DidWebResolverTest {
  private HttpServer server;
  private ExecutorService executor;
  private String authority;
  private final AtomicInteger okHits = new AtomicInteger();
  private final NodeKeys keys =
      new NodeKeys(List.of(SigningKey.generate(KeyAlgorithm.ED25519, "key-1", new SecureRandom())));

  private final DidWebOptions options =
      DidWebOptions.defaults().withTimeout(Duration.ofMillis(800));
  private final FetchPolicy loopback = FetchPolicy.of(true);

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    executor = Executors.newCachedThreadPool();
    server.setExecutor(executor);
    authority = "127.0.0.1%3A" + server.getAddress().getPort();
    server.createContext(
        "/ok/did.json",
        ex -> {
          okHits.incrementAndGet();
          reply(ex, 200, document(did("ok")));
        });
    server.createContext(
        "/.well-known/did.json", ex -> reply(ex, 200, document("did:web:" + authority)));
    server.createContext("/wrongid/did.json", ex -> reply(ex, 200, document(did("someone-else"))));
    server.createContext(
        "/huge/did.json", ex -> reply(ex, 200, "{\"id\":\"" + "x".repeat(200_000) + "\"}"));
    server.createContext("/hugechunked/did.json", TestAnswers.unboundedSpaces(100, 8192));
    server.createContext(
        "/slow/did.json",
        ex -> {
          ex.sendResponseHeaders(200, 0);
          try (OutputStream out = ex.getResponseBody()) {
            out.write("{\"id\":".getBytes(UTF_8));
            out.flush();
            Thread.sleep(5000);
          } catch (IOException | InterruptedException expected) {
            // the resolver gives up first
          }
        });
    server.createContext("/notjson/did.json", ex -> reply(ex, 200, "<html>hello</html>"));
    server.createContext(
        "/redirect/did.json",
        ex -> {
          ex.getResponseHeaders()
              .add(
                  "Location", "http://127.0.0.1:" + server.getAddress().getPort() + "/ok/did.json");
          ex.sendResponseHeaders(302, -1);
          ex.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    executor.shutdownNow();
  }

  private String did(String path) {
    return "did:web:" + authority + ":" + path;
  }

  private String document(String did) {
    return NodeDidDocument.build(did, keys, NodeDidDocument.Format.MULTIKEY).toJson().toString();
  }

  private static void reply(HttpExchange ex, int status, String body) throws IOException {
    TestAnswers.reply(ex, status, "application/did+json", body);
  }

  @Test
  void resolvesADocumentWhoseIdIsTheDid() {
    DidDocument doc = new DidWebResolver(options, loopback).resolve(did("ok"));

    assertThat(doc.id()).isEqualTo(did("ok"));
    assertThat(doc.method(did("ok") + "#key-1").orElseThrow().key())
        .isEqualTo(keys.current().publicKey());
  }

  @Test
  void resolvesTheWellKnownDocumentForAHostOnlyDid() {
    DidDocument doc = new DidWebResolver(options, loopback).resolve("did:web:" + authority);

    assertThat(doc.canAssert("did:web:" + authority + "#key-1")).isTrue();
  }

  @Test
  void cachesAResolvedDocument() {
    DidWebResolver resolver = new DidWebResolver(options, loopback);
    resolver.resolve(did("ok"));
    resolver.resolve(did("ok"));

    assertThat(okHits).hasValue(1);
  }

  /** Documents the resolver refuses, by the path they are served at, and what it says. */
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "wrongid, names another DID",
    "huge, larger than 65536 bytes",
    "hugechunked, larger than 65536 bytes",
    "missing, HTTP 404",
    "notjson, not valid JSON"
  })
  void badDocumentIsRefusedSayingWhy(String path, String reason) {
    assertThatThrownBy(() -> new DidWebResolver(options, loopback).resolve(did(path)))
        .isInstanceOf(DidResolutionException.class)
        .hasMessageContaining(reason);
  }

  @Test
  void slowDocumentTimesOut() {
    long start = System.nanoTime();
    assertThatThrownBy(() -> new DidWebResolver(options, loopback).resolve(did("slow")))
        .isInstanceOf(DidResolutionException.class)
        .hasMessageContaining("not received within 800 ms");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
  }

  @Test
  void redirectIsNotFollowed() {
    assertThatThrownBy(() -> new DidWebResolver(options, loopback).resolve(did("redirect")))
        .isInstanceOf(DidResolutionException.class)
        .hasMessageContaining("redirect (302)");
    assertThat(okHits).hasValue(0);
  }

  @Test
  void plainHttpIsNotUsedUnlessAllowed() {
    DidWebResolver httpsOnly = new DidWebResolver(options, FetchPolicy.publicOnly());

    assertThat(httpsOnly.documentUrl(did("ok")).getScheme()).isEqualTo("https");
    assertThatThrownBy(() -> httpsOnly.resolve(did("ok")))
        .isInstanceOf(DidResolutionException.class);
    assertThat(okHits).hasValue(0);
  }

  @Test
  void didOnLoopbackIsRefusedWithoutAConnectionUnlessLoopbackIsAllowed() {
    try (Tripwire tripwire = Tripwire.start()) {
      String did = "did:web:127.0.0.1%3A" + tripwire.port();

      assertThatThrownBy(() -> new DidWebResolver(options, FetchPolicy.publicOnly()).resolve(did))
          .isInstanceOf(DidResolutionException.class)
          .hasMessage(loopbackRefusal(did));
      tripwire.assertUntouched();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "did:web:localhost%3A{port}",
        "did:web:%5B%3A%3A1%5D%3A{port}",
        "did:web:0.0.0.0%3A{port}",
        "did:web:127.0.0.1%3A{port}:users:alice",
        "did:web:%5B%3A%3Affff%3A127.0.0.1%5D%3A{port}"
      })
  void didNamingLoopbackInAnyFormIsNeverFetched(String template) {
    try (Tripwire tripwire = Tripwire.start()) {
      String did = template.replace("{port}", String.valueOf(tripwire.port()));

      assertThatThrownBy(() -> new DidWebResolver(options, FetchPolicy.publicOnly()).resolve(did))
          .isInstanceOf(DidResolutionException.class)
          .hasMessageStartingWith(did + " resolves to")
          .hasMessageEndingWith("which this node does not fetch from");
      tripwire.assertUntouched();
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "did:web:10.0.0.1|a private address (10.0.0.1)",
        "did:web:192.168.1.1%3A8443|a private address (192.168.1.1)",
        "did:web:169.254.169.254|a link-local address (169.254.169.254)",
        "did:web:100.64.1.1|a shared (carrier-grade NAT) address (100.64.1.1)",
        "did:web:%5Bfd12%3A3456%3A789a%3A1%3A%3A1%5D|a private address (fd12:3456:789a:1:0:0:0:1)"
      })
  void didOnAPrivateOrLinkLocalAddressIsRefusedEvenWithLoopbackAllowed(String did, String kind) {
    assertThatThrownBy(() -> new DidWebResolver(options, loopback).resolve(did))
        .isInstanceOf(DidResolutionException.class)
        .hasMessage(did + " resolves to " + kind + ", which this node does not fetch from");
  }

  @Test
  void didWhoseHostResolvesToLoopbackIsRefusedOnTheAddress() {
    try (Tripwire tripwire = Tripwire.start()) {
      FetchPolicy policy =
          FetchPolicy.publicOnly().withResolver(resolving("evil.example", always("127.0.0.1")));
      String did = "did:web:evil.example%3A" + tripwire.port();

      assertThatThrownBy(() -> new DidWebResolver(options, policy).resolve(did))
          .isInstanceOf(DidResolutionException.class)
          .hasMessage(loopbackRefusal(did));
      tripwire.assertUntouched();
    }
  }

  @Test
  void plainHttpIsNeverUsedForANonLoopbackHost() {
    DidWebResolver resolver = new DidWebResolver(options, loopback);

    assertThat(resolver.documentUrl("did:web:example.edu"))
        .isEqualTo(URI.create("https://example.edu/.well-known/did.json"));
    assertThat(resolver.documentUrl("did:web:localhost.example.com").getScheme())
        .isEqualTo("https");
  }

  private static String loopbackRefusal(String did) {
    return did + " resolves to a loopback address (127.0.0.1), which this node does not fetch from";
  }
}
