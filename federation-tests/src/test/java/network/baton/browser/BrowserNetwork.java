package network.baton.browser;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import network.baton.credential.issue.HolderWallet;
import network.baton.node.NodeSetup;
import network.baton.node.NodeVerticle;
import network.baton.node.auth.AdminTokens;
import network.baton.node.cli.BatonCli;
import network.baton.node.config.CredentialSettings;
import network.baton.node.config.NodeConfig;
import network.baton.node.federation.Member;
import network.baton.node.federation.Role;
import network.baton.vocab.SampleContent;
import network.baton.vocab.SampleContent.Institution;

/**
 * The network the browser tests open: the three sample members (kosen, university, high school),
 * each on its own loopback port with its sample content and the production setup (pages included),
 * every member listing all three, and a credential the kosen issued to a sample graduate.
 */
final class BrowserNetwork implements AutoCloseable {

  static final String TOKEN = "browser-test-admin-token-0123456789abcdefghijkl";
  private static final String PASSPHRASE = "browser test passphrase";

  private final Vertx vertx = Vertx.vertx();
  private final List<String> urls = new ArrayList<>();
  private String credentialJwt;

  private BrowserNetwork() {}

  /** Starts the three members in folder and issues the sample credential. */
  static BrowserNetwork start(Path folder) {
    BrowserNetwork network = new BrowserNetwork();
    try {
      List<Institution> institutions =
          List.of(Institution.KOSEN, Institution.UNIVERSITY, Institution.HIGH_SCHOOL);
      List<Integer> ports = new ArrayList<>();
      List<Member> members = new ArrayList<>();
      for (Institution institution : institutions) {
        int port = freePort();
        ports.add(port);
        members.add(
            new Member(
                did(port),
                URI.create("http://localhost:" + port),
                institution.key(),
                Set.of(Role.PUBLISHER, Role.ISSUER)));
      }
      for (int i = 0; i < institutions.size(); i++) {
        network.startMember(folder, institutions.get(i), ports.get(i), members);
      }
      network.credentialJwt =
          issue(network.urls.get(0), network.urls.get(0) + "/resources/kosen-mc4-ec");
      network.warmUp();
      return network;
    } catch (RuntimeException e) {
      network.close();
      throw e;
    }
  }

  /** The kosen member's base URL (the node whose pages the tests open). */
  String kosenUrl() {
    return urls.get(0);
  }

  /** The sample credential, a vc+jwt issued by the kosen. */
  String credentialJwt() {
    return credentialJwt;
  }

  // The first network search of a cold JVM (class loading, JIT, text index readers) can miss the
  // 2 s deadline meant for people on a busy machine; one search per member first keeps the
  // browser tests about the pages.
  private void warmUp() {
    HttpClient client = HttpClient.newHttpClient();
    for (String url : urls) {
      try {
        client.send(
            HttpRequest.newBuilder(URI.create(url + "/federation/search?q=battery&deadline=10000"))
                .build(),
            HttpResponse.BodyHandlers.discarding());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private void startMember(Path folder, Institution institution, int port, List<Member> members) {
    String base = "http://localhost:" + port;
    Path data = folder.resolve(institution.key());
    importSample(folder, institution, data, base);
    NodeConfig config =
        NodeConfig.defaults(data, URI.create(base))
            .withPort(port)
            .withAdminTokenHashes(List.of(AdminTokens.hash(TOKEN)))
            .withCredentials(
                CredentialSettings.defaults().withKeyPassphrase(PASSPHRASE).withLoopbackHttp(true))
            .withMembers(members);
    await(vertx.deployVerticle(new NodeVerticle(config, NodeSetup.standard(config))));
    urls.add(base);
  }

  private static void importSample(Path folder, Institution institution, Path data, String base) {
    try {
      String name = Path.of(institution.resource()).getFileName().toString();
      Path file = Files.writeString(folder.resolve(name), SampleContent.create().text(institution));
      StringWriter out = new StringWriter();
      int code =
          BatonCli.execute(
              new PrintWriter(out, true),
              new PrintWriter(out, true),
              "import",
              "--data",
              data.toString(),
              "--base-url",
              base,
              file.toString());
      if (code != 0) {
        throw new IllegalStateException("sample import failed: " + out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String issue(String base, String course) {
    JsonObject body =
        new JsonObject()
            .put(
                "credential",
                new JsonObject()
                    .put(
                        "credentialSubject",
                        new JsonObject()
                            .put("id", HolderWallet.generate(new SecureRandom()).did())
                            .put("achievement", new JsonObject().put("id", course))))
            .put("options", new JsonObject().put("format", "vc+jwt"));
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(base + "/credentials/issue"))
                      .header("Content-Type", "application/json")
                      .header("Authorization", "Bearer " + TOKEN)
                      .POST(HttpRequest.BodyPublishers.ofString(body.encode(), StandardCharsets.UTF_8))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 201) {
        throw new IllegalStateException("the kosen did not issue: " + response.body());
      }
      String id =
          new JsonObject(response.body()).getJsonObject("verifiableCredential").getString("id");
      return id.substring(id.indexOf(',') + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String did(int port) {
    return "did:web:localhost%3A" + port;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("a member did not start: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    await(vertx.close());
  }
}
