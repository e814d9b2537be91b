package network.baton.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import network.baton.credential.http.CredentialRoutes;
import network.baton.credential.issue.HolderWallet;
import network.baton.credential.issue.VcContexts;
import network.baton.node.NodeSetup;
import network.baton.node.NodeVerticle;
import network.baton.node.auth.AdminTokens;
import network.baton.node.cli.BatonCli;
import network.baton.node.config.CredentialSettings;
import network.baton.node.config.NodeConfig;
import network.baton.node.credential.CredentialExtension;
import network.baton.vocab.ContextLoader;
import network.baton.vocab.SampleContent;

/**
 * A node with credentials on, the kosen sample imported, on a loopback port that is also in its
 * base URL (so its did:web resolves over loopback http), in a temporary folder removed on close.
 */
final class CredentialBenchNode implements AutoCloseable {
  private static final String TOKEN = "credential-bench-admin-token-0123456789abcdefghij";
  private static final String PASSPHRASE = "credential bench passphrase";
  private static final String COURSE_PATH = "/resources/kosen-mc4-ec";

  private final Vertx vertx;
  private final Path folder;
  private final String baseUrl;
  private final String holderDid = HolderWallet.generate(new SecureRandom()).did();

  private CredentialBenchNode(Vertx vertx, Path folder, String baseUrl) {
    this.vertx = vertx;
    this.folder = folder;
    this.baseUrl = baseUrl;
  }

  /** Imports the kosen sample into a fresh temporary folder and starts a node over it. */
  static CredentialBenchNode start() throws IOException {
    Path folder = Files.createTempDirectory("baton-credbench");
    int port = freePort();
    String baseUrl = "http://localhost:" + port;
    Path data = folder.resolve("data");
    importKosen(folder, data, baseUrl);
    NodeConfig config =
        NodeConfig.defaults(data, URI.create(baseUrl))
            .withPort(port)
            .withAdminTokenHashes(List.of(AdminTokens.hash(TOKEN)))
            .withCredentials(
                CredentialSettings.defaults().withKeyPassphrase(PASSPHRASE).withLoopbackHttp(true));
    Vertx vertx = Vertx.vertx();
    CredentialBenchNode node = new CredentialBenchNode(vertx, folder, baseUrl);
    try {
      await(vertx.deployVerticle(new NodeVerticle(config, setup())));
      return node;
    } catch (RuntimeException e) {
      node.close();
      throw e;
    }
  }

  // The standard setup, its credentials reading the passphrase from the config, not the
  // environment.
  private static NodeSetup setup() {
    NodeSetup bare = NodeSetup.bare();
    return bare.withExtensions(
        List.of(new CredentialExtension(bare.skills(), ContextLoader.bundled(), name -> null)));
  }

  /** A new HTTP/1.1 client, one per benchmark client thread. */
  static HttpClient client() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  /** The body of an issue request in this format (vc+jwt or eddsa-rdfc-2022). */
  String issueBody(String format) {
    return CredentialRoutes.issueRequest(holderDid, baseUrl + COURSE_PATH, format).encode();
  }

  /** POST /credentials/issue as the admin; the issued answer, or an exception unless 201. */
  JsonObject issue(HttpClient client, String body) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + "/credentials/issue"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + TOKEN)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException("issue answered " + response.statusCode());
    }
    return new JsonObject(response.body());
  }

  /** The compact vc+jwt of an issue answer in that format. */
  static String jwtOf(JsonObject issued) {
    return issued
        .getJsonObject("verifiableCredential")
        .getString("id")
        .substring(VcContexts.ENVELOPED_VC_PREFIX.length());
  }

  /** The body of a verify request for this issue answer's credential. */
  static String verifyBody(JsonObject issued) {
    return new JsonObject()
        .put("verifiableCredential", issued.getJsonObject("verifiableCredential"))
        .encode();
  }

  /** POST /credentials/verify; an exception unless 200 with the credential verified. */
  void verify(HttpClient client, String body) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + "/credentials/verify"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("verify answered " + response.statusCode());
    }
    if (!new JsonObject(response.body()).getBoolean("verified", false)) {
      throw new IllegalStateException("a credential the node issued did not verify");
    }
  }

  /** GET /health (HTTP plus one store count): the floor under every API rate. */
  void health(HttpClient client) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + "/health"))
            .timeout(Duration.ofSeconds(30))
            .GET()
            .build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("health answered " + response.statusCode());
    }
  }

  private static void importKosen(Path folder, Path data, String baseUrl) throws IOException {
    Path file =
        Files.writeString(
            folder.resolve("kosen.jsonld"),
            SampleContent.create().text(SampleContent.Institution.KOSEN));
    StringWriter out = new StringWriter();
    int code =
        BatonCli.execute(
            new PrintWriter(out, true),
            new PrintWriter(out, true),
            "import",
            "--data",
            data.toString(),
            "--base-url",
            baseUrl,
            file.toString());
    if (code != 0) throw new IllegalStateException("sample import failed: " + out);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for the node", e);
    } catch (Exception e) {
      throw new IllegalStateException("node did not start or stop: " + e.getMessage(), e);
    }
  }

  /** Stops the node and removes its folder. */
  @Override
  public void close() {
    try {
      await(vertx.close());
    } finally {
      try (Stream<Path> paths = Files.walk(folder)) {
        paths.sorted(Comparator.reverseOrder()).forEach(CredentialBenchNode::deleteQuietly);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // A leftover file in the temp folder is harmless; the benchmark result stands.
    }
  }
}
