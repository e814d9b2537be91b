package network.baton.bench;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import network.baton.credential.http.CredentialRoutes;
import network.baton.credential.issue.HolderWallet;
import network.baton.credential.issue.VcContexts;
import network.baton.node.NodeSetup;
import network.baton.node.config.CredentialSettings;
import network.baton.node.credential.CredentialExtension;
import network.baton.node.launch.LocalNetwork;
import network.baton.node.launch.MemberPlan;
import network.baton.node.launch.NetworkOptions;
import network.baton.vocab.ContextLoader;
import network.baton.vocab.SampleContent;

/**
 * A node with credentials on, the kosen sample imported, on a loopback port that is also in its
 * base URL (so its did:web resolves over loopback http), in a temporary folder removed on close: a
 * network of one on the {@link LocalNetwork} launcher.
 */
final class CredentialBenchNode implements AutoCloseable {
  private static final String TOKEN = "credential-bench-admin-token-0123456789abcdefghij";
  private static final String PASSPHRASE = "credential bench passphrase";
  private static final String COURSE_PATH = "/resources/kosen-mc4-ec";

  private final LocalNetwork network;
  private final String baseUrl;
  private final String holderDid = HolderWallet.generate(new SecureRandom()).did();

  private CredentialBenchNode(LocalNetwork network, String baseUrl) {
    this.network = network;
    this.baseUrl = baseUrl;
  }

  /** Imports the kosen sample into a fresh temporary folder and starts a node over it. */
  static CredentialBenchNode start() throws IOException {
    // The standard setup, its credentials reading the passphrase from the config, not the
    // environment.
    NodeSetup bare = NodeSetup.bare();
    NodeSetup setup =
        bare.withExtensions(
            List.of(new CredentialExtension(bare.skills(), ContextLoader.bundled(), name -> null)));
    LocalNetwork network =
        LocalNetwork.start(
            Files.createTempDirectory("baton-credbench"),
            NetworkOptions.builder()
                .adminToken(TOKEN)
                .credentials(
                    CredentialSettings.defaults()
                        .withKeyPassphrase(PASSPHRASE)
                        .withLoopbackHttp(true))
                .setup(config -> setup)
                .build(),
            List.of(MemberPlan.sample(SampleContent.Institution.KOSEN)));
    return new CredentialBenchNode(network, network.members().get(0).url());
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

  /** Stops the node and removes its folder. */
  @Override
  public void close() {
    network.close();
  }
}
