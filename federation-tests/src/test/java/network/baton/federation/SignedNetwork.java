package network.baton.federation;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import network.baton.credential.did.Multikey;
import network.baton.credential.http.CredentialRoutes;
import network.baton.credential.keys.KeyAlgorithm;
import network.baton.credential.keys.SigningKey;
import network.baton.node.NodeSetup;
import network.baton.node.NodeVerticle;
import network.baton.node.auth.AdminTokens;
import network.baton.node.cli.BatonCli;
import network.baton.node.config.CredentialSettings;
import network.baton.node.config.NodeConfig;
import network.baton.node.federation.Member;
import network.baton.node.federation.Role;
import network.baton.node.federation.membership.MembershipList;
import network.baton.node.federation.membership.SignedMembershipList;
import network.baton.vocab.SampleContent;
import network.baton.vocab.SampleContent.Institution;

/**
 * Member nodes in one JVM that are configured with nothing about each other but the coordinator's
 * public key: whom they call and whose credentials they trust comes from the signed membership
 * lists offered to them. Each node has its own port, TDB2 store, signing key and sample content;
 * other issuers' status lists are not cached, so a revocation shows at the next check.
 */
final class SignedNetwork implements AutoCloseable {

  /** The admin token of every node. */
  static final String TOKEN = LocalNetwork.TOKEN;

  /** The passphrase of every node's signing key. */
  static final String KEY_PASSPHRASE = "federation scenario key passphrase";

  /** One running node. */
  record Node(String name, String baseUrl, String did, String deployment) {
    /** As a member of a list, with both roles. */
    Member member() {
      return new Member(did, URI.create(baseUrl), name, Set.of(Role.PUBLISHER, Role.ISSUER));
    }
  }

  private final Path root;
  private final Duration syncInterval;
  private final Vertx vertx = Vertx.vertx();
  private final SigningKey coordinator =
      SigningKey.generate(KeyAlgorithm.ED25519, "coordinator", new SecureRandom());
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<String, Node> nodes = new LinkedHashMap<>();

  /** A network whose nodes keep their data under root and pull the list at this interval. */
  SignedNetwork(Path root, Duration syncInterval) {
    this.root = root;
    this.syncInterval = syncInterval;
  }

  /** The coordinator's public key as node configs and {@code baton verify} take it. */
  String coordinatorKey() {
    return Multikey.encode(coordinator.publicKey());
  }

  /** Starts a node that publishes an institution's sample content; it holds no list yet. */
  Node start(String name, Institution content) {
    int port = LocalNetwork.freePort();
    String base = "http://localhost:" + port;
    Path dataDir = root.resolve(name);
    NodeConfig defaults = NodeConfig.defaults(dataDir, URI.create(base));
    NodeConfig config =
        new NodeConfig(
            port,
            defaults.host(),
            dataDir,
            defaults.baseUrl(),
            name,
            name,
            LocalNetwork.did(port),
            List.of(AdminTokens.hash(TOKEN)),
            defaults.bodyLimitBytes(),
            defaults.sparqlTimeout(),
            defaults.resultCap(),
            defaults.languages(),
            CredentialSettings.defaults()
                .withKeyPassphrase(KEY_PASSPHRASE)
                .withLoopbackHttp(true)
                .withStatusListCacheTtl(Duration.ZERO),
            List.of(coordinator.publicKey()),
            syncInterval,
            List.of());
    importOffline(dataDir, base, content);
    String deployment =
        await(vertx.deployVerticle(new NodeVerticle(config, NodeSetup.standard(config))));
    Node node = new Node(name, base, LocalNetwork.did(port), deployment);
    nodes.put(name, node);
    return node;
  }

  /**
   * Loads the sample into the node's store before it starts, as {@code baton import --data} does
   * (one transaction: much quicker than publishing resource by resource through the API).
   */
  static void importOffline(Path dataDir, String base, Institution content) {
    try {
      Path file =
          Files.writeString(
              Files.createDirectories(dataDir.resolveSibling(dataDir.getFileName() + "-import"))
                  .resolve(Path.of(content.resource()).getFileName()),
              SampleContent.create().text(content));
      StringWriter out = new StringWriter();
      int code =
          BatonCli.execute(
              new PrintWriter(out, true),
              new PrintWriter(out, true),
              "import",
              "--data",
              dataDir.toString(),
              "--base-url",
              base,
              file.toString());
      assertThat(code).as("sample import: " + out).isZero();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops a node (its port closes; its data stays). */
  void stop(Node node) {
    await(vertx.undeploy(node.deployment()));
  }

  /**
   * Version {@code version} of the list naming these nodes, valid for 30 days from a minute ago.
   */
  static MembershipList list(long version, Node... members) {
    Instant now = Instant.now();
    return new MembershipList(
        version,
        now.minusSeconds(60),
        now.plus(Duration.ofDays(30)),
        "BATON",
        List.of(members).stream().map(Node::member).toList());
  }

  /** That list signed by the coordinator. */
  SignedMembershipList sign(long version, Node... members) {
    return sign(list(version, members));
  }

  /** The list signed by the coordinator. */
  SignedMembershipList sign(MembershipList list) {
    return SignedMembershipList.sign(list, coordinator);
  }

  /** Offers a signed list to a node, as {@code curl --data-binary @membership.jwt} does. */
  HttpResponse<String> offer(Node node, String jws) {
    return send(
        HttpRequest.newBuilder(URI.create(node.baseUrl() + "/federation/membership"))
            .header("Content-Type", SignedMembershipList.MEDIA_TYPE)
            .POST(HttpRequest.BodyPublishers.ofString(jws)));
  }

  /** The list a node serves now ("" when it holds none). */
  String listOf(Node node) {
    HttpResponse<String> response = get(node, "/federation/membership", null);
    return response.statusCode() == 200 ? response.body() : "";
  }

  /** Waits until every node serves this list; fails naming the nodes that do not. */
  void awaitEverywhere(SignedMembershipList list, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<String> behind = behind(list);
    while (!behind.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(100);
      behind = behind(list);
    }
    assertThat(behind).as("nodes without version " + list.version()).isEmpty();
  }

  private List<String> behind(SignedMembershipList list) {
    List<String> behind = new ArrayList<>();
    for (Node node : nodes.values()) {
      if (!listOf(node).equals(list.jws())) behind.add(node.name());
    }
    return behind;
  }

  /** {@code GET /federation/search} on a node; asserts 200. */
  JsonObject federatedSearch(Node from, String query) {
    HttpResponse<String> response =
        get(
            from,
            "/federation/search?q="
                + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + "&limit=50&deadline=5000",
            "application/json");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new JsonObject(response.body());
  }

  /** Each member's status in a federated answer, by DID. */
  static Map<String, String> statuses(JsonObject result) {
    Map<String, String> statuses = new LinkedHashMap<>();
    for (Object m : result.getJsonArray("members")) {
      statuses.put(((JsonObject) m).getString("did"), ((JsonObject) m).getString("status"));
    }
    return statuses;
  }

  /** The DIDs of the members whose content is among the hits. */
  static Set<String> answering(JsonObject result) {
    Set<String> members = new java.util.HashSet<>();
    for (Object h : result.getJsonArray("hits")) {
      members.add(((JsonObject) h).getString("member"));
    }
    return members;
  }

  /** Issues a credential for a course of the node to a holder, as its staff would. */
  JsonObject issue(Node issuer, String holderDid, String courseId, String format) {
    JsonObject body =
        CredentialRoutes.issueRequest(
            holderDid, issuer.baseUrl() + "/resources/" + courseId, format);
    HttpResponse<String> response = admin(issuer, "/credentials/issue", body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return new JsonObject(response.body());
  }

  /** Revokes a credential on the node that issued it. */
  void revoke(Node issuer, String credentialId) {
    JsonObject change =
        new JsonObject()
            .put("credentialId", credentialId)
            .put(
                "credentialStatus", new JsonArray().add(new JsonObject().put("status", "revoked")));
    HttpResponse<String> response = admin(issuer, "/credentials/status", change);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  /** {@code POST /credentials/verify} on a node; the report. */
  JsonObject verifyCredential(Node verifier, JsonObject credential) {
    return report(
        verifier, "/credentials/verify", new JsonObject().put("verifiableCredential", credential));
  }

  /** {@code POST /challenges}: a fresh single-use challenge the verifier node hands out. */
  String challenge(Node verifier) {
    return report(verifier, "/challenges", new JsonObject()).getString("challenge");
  }

  /**
   * {@code POST /presentations/verify} on a node with the challenge and domain it asked for; the
   * presentation is a vp+jwt string or a Data Integrity JSON-LD object.
   */
  JsonObject verifyPresentation(
      Node verifier, Object presentation, String challenge, String domain) {
    return report(
        verifier,
        "/presentations/verify",
        new JsonObject()
            .put("verifiablePresentation", presentation)
            .put("options", new JsonObject().put("challenge", challenge).put("domain", domain)));
  }

  /** A check of a report by name; fails when the report has none. */
  static JsonObject check(JsonObject report, String name) {
    for (Object c : report.getJsonArray("checks")) {
      if (((JsonObject) c).getString("check").equals(name)) return (JsonObject) c;
    }
    throw new AssertionError("no check '" + name + "' in " + report.encodePrettily());
  }

  private JsonObject report(Node verifier, String path, JsonObject body) {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(verifier.baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode())));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new JsonObject(response.body());
  }

  private HttpResponse<String> admin(Node node, String path, JsonObject body) {
    return send(
        HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + TOKEN)
            .POST(HttpRequest.BodyPublishers.ofString(body.encode())));
  }

  /** A GET on a node, with an Accept header when given. */
  HttpResponse<String> get(Node node, String path, String accept) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.baseUrl() + path));
    if (accept != null) request.header("Accept", accept);
    return send(request.GET());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(
          request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("request failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("node did not start or stop: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    await(vertx.close());
  }
}
