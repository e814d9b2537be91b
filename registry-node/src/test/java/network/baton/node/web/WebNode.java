package network.baton.node.web;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import network.baton.credential.http.CredentialRoutes;
import network.baton.credential.issue.HolderWallet;
import network.baton.node.NodeSetup;
import network.baton.node.RunningNode;
import network.baton.node.config.NodeConfig;
import network.baton.node.credential.CredentialExtension;
import network.baton.node.credential.CredentialNode;
import network.baton.node.federation.Member;
import network.baton.node.federation.MemberDirectory;
import network.baton.node.federation.Role;
import network.baton.node.federation.search.FederationExtension;
import network.baton.node.federation.search.FederationLimits;
import network.baton.vocab.ContextLoader;

/**
 * A node serving the web pages: the kosen sample imported, credentials on (passphrase set here, not
 * from the environment), itself as the one member of its network, on a loopback port that is also
 * in its base URL so its did:web resolves.
 */
final class WebNode {

  private WebNode() {}

  static RunningNode start(Vertx vertx, Path folder) {
    int port = CredentialNode.freePort();
    String base = "http://localhost:" + port;
    Path data = folder.resolve("data-" + port);
    NodeConfig config =
        CredentialNode.config(data, port)
            .withFederation(
                f ->
                    f.withMembers(
                        List.of(
                            new Member(
                                "did:web:localhost%3A" + port,
                                URI.create(base),
                                "Setouchi kosen",
                                Set.of(Role.PUBLISHER, Role.ISSUER)))));
    CredentialNode.importKosen(folder, data, base);
    NodeSetup bare = NodeSetup.bare();
    NodeSetup setup =
        bare.withExtensions(
            List.of(
                new CredentialExtension(bare.skills(), ContextLoader.bundled(), name -> null),
                new FederationExtension(
                    context -> MemberDirectory.of(context.config().federation().members()),
                    FederationExtension.narrowerOf(bare.skills()),
                    patientLimits()),
                WebExtension.fromConfig(bare.skills())));
    return RunningNode.start(vertx, config, setup);
  }

  // The default 2 s deadline is for people; a cold JVM on a busy test machine can miss it on the
  // first network search, so the tests allow 10 s (they check the pages, not the deadline).
  private static FederationLimits patientLimits() {
    FederationLimits defaults = FederationLimits.defaults();
    return new FederationLimits(
        Duration.ofSeconds(10),
        Duration.ofSeconds(10),
        defaults.memberTimeout(),
        defaults.maxInFlight(),
        defaults.maxAnswerBytes(),
        defaults.descriptorTtl(),
        defaults.answerTtl(),
        defaults.sparqlRowsPerMember());
  }

  /** Issues a vc+jwt for the course to a fresh holder; returns the JWT. */
  static String issueJwt(RunningNode node, String course) {
    return issueJwt(node, course, HolderWallet.generate(new SecureRandom()));
  }

  /** Issues a vc+jwt for the course to this holder; returns the JWT. */
  static String issueJwt(RunningNode node, String course, HolderWallet holder) {
    JsonObject body = CredentialRoutes.issueRequest(holder.did(), course, "vc+jwt");
    HttpResponse<String> response =
        node.send(
            node.request("/credentials/issue")
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + RunningNode.TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(body.encode(), StandardCharsets.UTF_8)));
    if (response.statusCode() != 201) {
      throw new IllegalStateException("issue failed: " + response.body());
    }
    String id =
        new JsonObject(response.body()).getJsonObject("verifiableCredential").getString("id");
    return id.substring(id.indexOf(',') + 1);
  }
}
