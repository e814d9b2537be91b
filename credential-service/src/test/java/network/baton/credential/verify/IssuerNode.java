package network.baton.credential.verify;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import network.baton.credential.did.DidMethodResolver;
import network.baton.credential.did.DidResolver;
import network.baton.credential.did.DidWebOptions;
import network.baton.credential.did.DidWebResolver;
import network.baton.credential.did.NodeDidDocument;
import network.baton.credential.fetch.FetchPolicy;
import network.baton.credential.issue.CredentialIssuer;
import network.baton.credential.issue.FrameworkSkills;
import network.baton.credential.issue.IssueRequest;
import network.baton.credential.issue.IssuerProfile;
import network.baton.credential.keys.KeyAlgorithm;
import network.baton.credential.keys.NodeKeys;
import network.baton.credential.keys.SigningKey;

/**
 * An issuing node for tests: a real loopback HTTP server serving its did:web document (all keys,
 * old and new), and an issuer signing with its newest key.
 */
public final class IssuerNode implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final SecureRandom random = new SecureRandom();
  private final List<SigningKey> keys = new ArrayList<>();
  private volatile String documentOverride;
  public final String did;

  public IssuerNode(KeyAlgorithm algorithm) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    did = "did:web:127.0.0.1%3A" + server.getAddress().getPort();
    keys.add(SigningKey.generate(algorithm, "key-1", random));
    server.createContext(
        "/.well-known/did.json",
        ex -> {
          String body = documentOverride != null ? documentOverride : document();
          byte[] bytes = body.getBytes(UTF_8);
          ex.sendResponseHeaders(200, bytes.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
  }

  private String document() {
    return NodeDidDocument.build(did, new NodeKeys(keys), NodeDidDocument.Format.MIXED)
        .toJson()
        .toString();
  }

  /** Serve this text as the DID document instead of the real one. */
  public void serveDocument(String body) {
    documentOverride = body;
  }

  /** Adds a new signing key; old ones stay in the DID document. */
  public void rotate(KeyAlgorithm algorithm) {
    keys.add(SigningKey.generate(algorithm, "key-" + (keys.size() + 1), random));
  }

  public SigningKey currentKey() {
    return keys.get(keys.size() - 1);
  }

  public CredentialIssuer issuer() {
    return new CredentialIssuer(
        new IssuerProfile(did, "Kosen Battery College"),
        currentKey(),
        new FrameworkSkills(),
        COURSE::equals);
  }

  /** A resolver that allows plain http to this loopback node and caches nothing. */
  public static DidResolver resolver() {
    return new DidMethodResolver(
        new DidWebResolver(
            new DidWebOptions(Duration.ofSeconds(2), 64 * 1024, Duration.ZERO, 0),
            FetchPolicy.of(true)));
  }

  /**
   * A vc+jwt verifier over {@link #resolver()} and the framework's skills that trusts only this DID
   * and reads the clock as this instant.
   */
  public static CredentialVerifier verifier(String trustedDid, Instant now, StatusChecker status) {
    return new CredentialVerifier(
        resolver(),
        new ConfiguredTrustList(Set.of(trustedDid)),
        status,
        new FrameworkSkills(),
        Clock.fixed(now, ZoneOffset.UTC));
  }

  /** The one course this node publishes. */
  public static final String COURSE = "https://kosen.example/resources/kosen-ec101";

  public static IssueRequest request(String holderDid, Instant from, Instant until) {
    return new IssueRequest(
        holderDid,
        COURSE,
        "Fundamentals of Electrochemistry",
        "Cell potential, kinetics and electrode processes.",
        "Passed the final examination and the laboratory course.",
        List.of(FrameworkSkills.ECH, FrameworkSkills.MFG_COAT),
        from,
        until);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
