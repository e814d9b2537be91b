package network.baton.node.credential;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import network.baton.credential.http.CredentialRoutes;
import network.baton.credential.issue.VcContexts;
import network.baton.node.NodeSetup;
import network.baton.node.RunningNode;
import network.baton.node.auth.AdminTokens;
import network.baton.node.cli.BatonCli;
import network.baton.node.config.CredentialSettings;
import network.baton.node.config.NodeConfig;
import network.baton.vocab.ContextLoader;
import network.baton.vocab.SampleContent;

/**
 * A node with credentials on, the kosen sample imported, listening on a loopback port that is also
 * in its base URL (so its did:web resolves over loopback http).
 */
public final class CredentialNode {
  public static final String PASSPHRASE = "correct horse battery staple";

  private CredentialNode() {}

  /** A free loopback port (closed again; the node binds it right after). */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The config of a credential node on this port over this data folder. */
  public static NodeConfig config(Path data, int port) {
    return NodeConfig.defaults(data, URI.create("http://localhost:" + port))
        .withPort(port)
        .withAdmin(a -> a.withTokenHashes(List.of(AdminTokens.hash(RunningNode.TOKEN))))
        .withCredentials(
            CredentialSettings.defaults().withKeyPassphrase(PASSPHRASE).withLoopbackHttp(true));
  }

  /** Imports the kosen sample offline into the data folder, for a node at this base URL. */
  public static void importKosen(Path folder, Path data, String baseUrl) {
    try {
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
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts a credential node with the kosen sample; tweak adjusts its config. */
  static RunningNode start(Vertx vertx, Path folder, UnaryOperator<NodeConfig> tweak) {
    int port = freePort();
    Path data = folder.resolve("data-" + port);
    NodeConfig config = tweak.apply(config(data, port));
    importKosen(folder, data, config.server().baseUrl().toString());
    return RunningNode.start(vertx, config, setup());
  }

  /** The standard setup, its credentials ignoring the environment (tests set the passphrase). */
  static NodeSetup setup() {
    NodeSetup bare = NodeSetup.bare();
    return bare.withExtensions(
        List.of(new CredentialExtension(bare.skills(), ContextLoader.bundled(), name -> null)));
  }

  /**
   * Issues a credential to holder for the course at path on target (e.g. resources/kosen-mc4-ec),
   * in format (vc+jwt or eddsa-rdfc-2022); the 201 answer's body.
   */
  static String issue(RunningNode target, String holder, String path, String format) {
    String course = target.url() + "/" + path;
    JsonObject body = CredentialRoutes.issueRequest(holder, course, format);
    body.getJsonObject("credential").getJsonObject("credentialSubject").put("achievement", course);
    HttpResponse<String> response =
        target.post("/credentials/issue", "application/json", body.encode());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return response.body();
  }

  /** Asks target's VC API verifier about a credential; its report. */
  static JsonObject verify(RunningNode target, Object verifiableCredential) {
    HttpResponse<String> response =
        target.send(
            target
                .request("/credentials/verify")
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        new JsonObject()
                            .put("verifiableCredential", verifiableCredential)
                            .encode())));
    JsonObject answer = new JsonObject(response.body());
    // The VC API verifier answers a credential that does not verify 400, with the full report.
    boolean refused = Boolean.FALSE.equals(answer.getValue("verified"));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(refused ? 400 : 200);
    return answer;
  }

  /** The vc+jwt inside the enveloped credential of an issue answer. */
  static String jwtOf(JsonObject issued) {
    return issued
        .getJsonObject("verifiableCredential")
        .getString("id")
        .substring(VcContexts.ENVELOPED_VC_PREFIX.length());
  }
}
