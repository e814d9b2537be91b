package network.baton.federation;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import network.baton.credential.did.Multikey;
import network.baton.credential.http.CredentialRoutes;
import network.baton.node.config.CredentialSettings;
import network.baton.node.federation.membership.MembershipList;
import network.baton.node.federation.membership.SignedMembershipList;
import network.baton.node.launch.ListEdition;
import network.baton.node.launch.LocalMember;
import network.baton.node.launch.LocalNetwork;
import network.baton.node.launch.MemberContent;
import network.baton.node.launch.MemberPlan;
import network.baton.node.launch.NetworkOptions;
import network.baton.vocab.SampleContent.Institution;

/**
 * Member nodes in one JVM that are configured with nothing about each other but the coordinator's
 * public key: whom they call and whose credentials they trust comes from the signed membership
 * lists offered to them. Each node has its own port, TDB2 store, signing key and sample content;
 * other issuers' status lists are not cached, so a revocation shows at the next check. The nodes
 * run on the {@link LocalNetwork} launcher; this class is the tests' client of them.
 */
final class SignedNetwork implements AutoCloseable {

  /** The passphrase of every node's signing key. */
  static final String KEY_PASSPHRASE = "federation scenario key passphrase";

  private final LocalNetwork network;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** A network whose nodes keep their data under root and pull the list at this interval. */
  SignedNetwork(Path root, Duration syncInterval) {
    network =
        LocalNetwork.create(
            root.resolve("nodes"),
            NetworkOptions.builder()
                .credentials(
                    CredentialSettings.defaults()
                        .withKeyPassphrase(KEY_PASSPHRASE)
                        .withLoopbackHttp(true)
                        .withStatusListCacheTtl(Duration.ZERO))
                .federatedBy(null, syncInterval)
                .build());
  }

  /** The coordinator's public key as node configs and {@code baton verify} take it. */
  String coordinatorKey() {
    return Multikey.encode(network.coordinatorKey());
  }

  /** Starts a node that publishes an institution's sample content; it holds no list yet. */
  LocalMember start(String name, Institution content) {
    return network.start(
        MemberPlan.named(name).withName(name, name).withContent(MemberContent.sample(content)));
  }

  /** Stops a node (its port closes; its data stays). */
  void stop(LocalMember node) {
    network.stop(node);
  }

  /**
   * Version {@code version} of the list naming these nodes, valid for 30 days from a minute ago.
   */
  static MembershipList list(long version, LocalMember... members) {
    return LocalNetwork.list(ListEdition.of(version), List.of(members));
  }

  /** That list signed by the coordinator. */
  SignedMembershipList sign(long version, LocalMember... members) {
    return sign(list(version, members));
  }

  /** The list signed by the coordinator. */
  SignedMembershipList sign(MembershipList list) {
    return network.sign(list);
  }

  /** Offers a signed list to a node, as {@code curl --data-binary @membership.jwt} does. */
  HttpResponse<String> offer(LocalMember node, String jws) {
    return send(
        HttpRequest.newBuilder(URI.create(node.url() + "/federation/membership"))
            .header("Content-Type", SignedMembershipList.MEDIA_TYPE)
            .POST(HttpRequest.BodyPublishers.ofString(jws)));
  }

  /** The list a node serves now ("" when it holds none). */
  String listOf(LocalMember node) {
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
    for (LocalMember node : network.members()) {
      if (!listOf(node).equals(list.jws())) behind.add(node.name());
    }
    return behind;
  }

  /** {@code GET /federation/search} on a node; asserts 200. */
  JsonObject federatedSearch(LocalMember from, String query) {
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
  JsonObject issue(LocalMember issuer, String holderDid, String courseId, String format) {
    JsonObject body =
        CredentialRoutes.issueRequest(holderDid, issuer.url() + "/resources/" + courseId, format);
    HttpResponse<String> response = admin(issuer, "/credentials/issue", body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return new JsonObject(response.body());
  }

  /** Revokes a credential on the node that issued it. */
  void revoke(LocalMember issuer, String credentialId) {
    JsonObject change =
        new JsonObject()
            .put("credentialId", credentialId)
            .put(
                "credentialStatus", new JsonArray().add(new JsonObject().put("status", "revoked")));
    HttpResponse<String> response = admin(issuer, "/credentials/status", change);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  /** {@code POST /credentials/verify} on a node; the report. */
  JsonObject verifyCredential(LocalMember verifier, JsonObject credential) {
    return report(
        verifier, "/credentials/verify", new JsonObject().put("verifiableCredential", credential));
  }

  /** {@code POST /challenges}: a fresh single-use challenge the verifier node hands out. */
  String challenge(LocalMember verifier) {
    return report(verifier, "/challenges", new JsonObject()).getString("challenge");
  }

  /**
   * {@code POST /presentations/verify} on a node with the challenge it handed out and the domain it
   * asked for, credentials bound to the holder (the pages' policy); the presentation is a vp+jwt
   * string or a Data Integrity JSON-LD object.
   */
  JsonObject verifyPresentation(
      LocalMember verifier, Object presentation, String challenge, String domain) {
    return report(
        verifier,
        "/presentations/verify",
        new JsonObject()
            .put("verifiablePresentation", presentation)
            .put(
                "options",
                new JsonObject()
                    .put("challenge", challenge)
                    .put("domain", domain)
                    .put("holderBinding", true)
                    .put("issuedChallenge", true)));
  }

  /** A check of a report by name; fails when the report has none. */
  static JsonObject check(JsonObject report, String name) {
    for (Object c : report.getJsonArray("checks")) {
      if (((JsonObject) c).getString("check").equals(name)) return (JsonObject) c;
    }
    throw new AssertionError("no check '" + name + "' in " + report.encodePrettily());
  }

  private JsonObject report(LocalMember verifier, String path, JsonObject body) {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(verifier.url() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode())));
    JsonObject answer = new JsonObject(response.body());
    // The VC API verifier answers a credential that does not verify 400, with the full report.
    boolean refused =
        path.equals("/credentials/verify") && Boolean.FALSE.equals(answer.getValue("verified"));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(refused ? 400 : 200);
    return answer;
  }

  private HttpResponse<String> admin(LocalMember node, String path, JsonObject body) {
    return send(
        HttpRequest.newBuilder(URI.create(node.url() + path))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + node.adminToken())
            .POST(HttpRequest.BodyPublishers.ofString(body.encode())));
  }

  /** A GET on a node, with an Accept header when given. */
  HttpResponse<String> get(LocalMember node, String path, String accept) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.url() + path));
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

  @Override
  public void close() {
    network.close();
  }
}
