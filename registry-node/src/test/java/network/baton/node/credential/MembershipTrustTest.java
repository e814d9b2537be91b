package network.baton.node.credential;

import static network.baton.credential.http.ReportChecks.check;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import network.baton.credential.http.CredentialRoutes;
import network.baton.credential.issue.HolderWallet;
import network.baton.credential.keys.KeyAlgorithm;
import network.baton.credential.keys.SigningKey;
import network.baton.node.NodeSetup;
import network.baton.node.RunningNode;
import network.baton.node.config.NodeConfig;
import network.baton.node.federation.Member;
import network.baton.node.federation.Role;
import network.baton.node.federation.membership.MembershipList;
import network.baton.node.federation.membership.SignedMembershipList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node set up for its config ({@link NodeSetup#standard(NodeConfig)}) with the coordinator's key:
 * the signed membership list decides which issuers it trusts (members with the issuer role, until a
 * newer list drops them) and which members federated search asks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class MembershipTrustTest {

  private final SigningKey coordinator =
      SigningKey.generate(KeyAlgorithm.ED25519, "coordinator", new SecureRandom());
  private final HolderWallet holder = HolderWallet.generate(new SecureRandom());
  private final AtomicLong versions = new AtomicLong(1);

  private Vertx vertx;
  private RunningNode issuer;
  private RunningNode verifier;
  private JsonObject credential;

  @BeforeAll
  void startNetwork(@TempDir Path folder) {
    vertx = Vertx.vertx();
    issuer = CredentialNode.start(vertx, folder, config -> config);
    credential = issue();

    int port = CredentialNode.freePort();
    Path data = folder.resolve("verifier");
    NodeConfig config =
        CredentialNode.config(data, port)
            .withFederation(f -> f.withMembership(List.of(coordinator.publicKey()), Duration.ZERO));
    CredentialNode.importKosen(folder, data, config.server().baseUrl().toString());
    verifier = RunningNode.start(vertx, config, NodeSetup.standard(config));
  }

  @AfterAll
  void stopNetwork() {
    if (verifier != null) verifier.close();
    if (issuer != null) issuer.close();
    if (vertx != null) vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  @Test
  void issuerIsTrustedOnlyWhileTheSignedMembershipListNamesItAsAnIssuer() {
    JsonObject before = verify();
    assertThat(check(before, "issuer trusted").getBoolean("passed"))
        .as("no list naming it as an issuer yet")
        .isFalse();

    offer(
        new Member(issuerDid(), URI.create(issuer.url()), "kosen", Set.of(Role.ISSUER)),
        new Member(verifierDid(), URI.create(verifier.url()), "university", Set.of()));
    JsonObject trusted = verify();
    assertThat(trusted.getBoolean("verified")).as(trusted.encodePrettily()).isTrue();
    assertThat(check(trusted, "signature").getBoolean("passed")).isTrue();

    offer(new Member(verifierDid(), URI.create(verifier.url()), "university", Set.of()));
    JsonObject removed = verify();
    assertThat(removed.getBoolean("verified")).isFalse();
    assertThat(check(removed, "issuer trusted").getBoolean("passed")).isFalse();
    assertThat(check(removed, "signature").getBoolean("passed"))
        .as("only trust changed, the signature is still good")
        .isTrue();
  }

  @Test
  void federatedSearchAsksTheMembersTheSignedListNames() {
    offer(
        new Member(
            issuerDid(), URI.create(issuer.url()), "kosen", Set.of(Role.PUBLISHER, Role.ISSUER)),
        new Member(verifierDid(), URI.create(verifier.url()), "university", Set.of()));

    HttpResponse<String> response =
        verifier.send(verifier.request("/federation/search?q=battery&deadline=8000").GET());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonObject result = new JsonObject(response.body());
    assertThat(result.getJsonArray("members").stream().map(m -> ((JsonObject) m).getString("did")))
        .containsExactlyInAnyOrder(issuerDid(), verifierDid());
    assertThat(result.getJsonArray("hits").stream().map(h -> ((JsonObject) h).getString("iri")))
        .anySatisfy(iri -> assertThat(iri).startsWith(issuer.url() + "/resources/"));
  }

  @Test
  void aPublisherWithoutTheIssuerRoleIsNotTrustedToIssue() {
    offer(
        new Member(issuerDid(), URI.create(issuer.url()), "kosen", Set.of(Role.PUBLISHER)),
        new Member(verifierDid(), URI.create(verifier.url()), "university", Set.of()));
    assertThat(check(verify(), "issuer trusted").getBoolean("passed")).isFalse();
  }

  /** Offers the next version of the list, as the coordinator would after a change. */
  private void offer(Member... members) {
    long version = versions.incrementAndGet();
    Instant now = Instant.now();
    MembershipList list =
        new MembershipList(
            version,
            now.minusSeconds(60),
            now.plus(Duration.ofDays(30)),
            "BATON",
            List.of(members));
    String jws = SignedMembershipList.sign(list, coordinator).jws();
    HttpResponse<String> response =
        verifier.send(
            verifier
                .request("/federation/membership")
                .header("Content-Type", SignedMembershipList.MEDIA_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(jws, StandardCharsets.UTF_8)));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  private JsonObject issue() {
    String course = issuer.url() + "/resources/kosen-mc5-safety";
    JsonObject body = CredentialRoutes.issueRequest(holder.did(), course, "vc+jwt");
    HttpResponse<String> response =
        issuer.send(
            issuer
                .request("/credentials/issue")
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + RunningNode.TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(body.encode(), StandardCharsets.UTF_8)));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return new JsonObject(response.body()).getJsonObject("verifiableCredential");
  }

  private JsonObject verify() {
    HttpResponse<String> response =
        verifier.send(
            verifier
                .request("/credentials/verify")
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        new JsonObject().put("verifiableCredential", credential).encode(),
                        StandardCharsets.UTF_8)));
    JsonObject answer = new JsonObject(response.body());
    // The VC API verifier answers a credential that does not verify 400, with the full report.
    boolean refused = Boolean.FALSE.equals(answer.getValue("verified"));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(refused ? 400 : 200);
    return answer;
  }

  private String issuerDid() {
    return "did:web:localhost%3A" + URI.create(issuer.url()).getPort();
  }

  private String verifierDid() {
    return "did:web:localhost%3A" + URI.create(verifier.url()).getPort();
  }
}
