package network.baton.node;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import network.baton.credential.did.DidKey;
import network.baton.credential.fetch.Tripwire;
import network.baton.credential.issue.CredentialIssuer;
import network.baton.credential.issue.HolderWallet;
import network.baton.credential.issue.IssueRequest;
import network.baton.credential.issue.IssuerProfile;
import network.baton.credential.issue.VcContexts;
import network.baton.credential.jose.BcJose;
import network.baton.credential.keys.KeyAlgorithm;
import network.baton.credential.keys.SigningKey;
import network.baton.credential.service.SkillFrameworkLookup;
import network.baton.node.config.NodeConfig;
import network.baton.node.credential.CredentialExtension;
import network.baton.node.credential.CredentialNode;
import network.baton.node.web.WebExtension;
import network.baton.vocab.ContextLoader;
import network.baton.vocab.SkillFramework;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node set up as on the internet (no {@code allowLoopbackHttp}) with a tripwire on 127.0.0.1 (and
 * ::1) laid before each test and checked after it: the test fails if anything connected. Helpers
 * post signed credentials and presentations to it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
abstract class OfflineNodeFixture {
  static final String COURSE_PATH = "/resources/kosen-mc4-ec";
  static final List<String> SKILLS = List.of("https://w3id.org/baton/skill/ECH-THERMO");

  Vertx vertx;
  RunningNode node;
  Tripwire tripwire;
  final SecureRandom random = new SecureRandom();
  final SkillFrameworkLookup skills = new SkillFrameworkLookup(SkillFramework.load());
  final HolderWallet holder = HolderWallet.generate(random);

  @BeforeAll
  void startNode(@TempDir Path folder) {
    vertx = Vertx.vertx();
    int port = CredentialNode.freePort();
    Path data = folder.resolve("data");
    NodeConfig config = CredentialNode.config(data, port);
    config = config.withCredentials(config.credentials().withLoopbackHttp(false));
    CredentialNode.importKosen(folder, data, config.server().baseUrl().toString());
    NodeSetup bare = NodeSetup.bare();
    NodeSetup setup =
        bare.withExtensions(
            List.of(
                new CredentialExtension(bare.skills(), ContextLoader.bundled(), name -> null),
                WebExtension.fromConfig(bare.skills())));
    node = RunningNode.start(vertx, config, setup);
  }

  @AfterAll
  void stopNode() {
    if (node != null) node.close();
    if (vertx != null) vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  @BeforeEach
  void layTripwire() {
    tripwire = Tripwire.start();
  }

  @AfterEach
  void checkTripwire() {
    try {
      tripwire.assertUntouched();
    } finally {
      tripwire.close();
    }
  }

  // --- credentials and presentations whose keys live at a refused address ---

  String did(String template) {
    return template.replace("{port}", String.valueOf(tripwire.port()));
  }

  SigningKey key(String id) {
    return SigningKey.generate(KeyAlgorithm.ED25519, id, random);
  }

  // A did:key issuer: resolved without any fetch, so its credentials pass the signature check and
  // the URLs inside them are what the node is tempted with.
  SigningKey didKey() {
    SigningKey key = key("key-1");
    return key.withId(DidKey.keyId(key.publicKey()));
  }

  static String issuerOf(SigningKey didKey) {
    return didKey.id().substring(0, didKey.id().indexOf('#'));
  }

  String signedJwt(
      String issuerDid,
      String kid,
      SigningKey key,
      UnaryOperator<ObjectNode> credential,
      UnaryOperator<JWSHeader.Builder> header) {
    CredentialIssuer issuer =
        new CredentialIssuer(
            new IssuerProfile(issuerDid, "Somewhere"),
            key.id().startsWith("did:") ? key : key.withId(kid),
            skills,
            iri -> true);
    ObjectNode vc =
        issuer.credential(
            new IssueRequest(
                holder.did(),
                "https://kosen.example/resources/kosen-ec101",
                "Electrochemistry",
                "Cell potential and kinetics.",
                "Passed the examination.",
                SKILLS,
                Instant.now().minusSeconds(60),
                null),
            null);
    JWSHeader.Builder builder =
        new JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.EdDSA)
            .type(new JOSEObjectType(VcContexts.VC_JWT))
            .contentType("vc")
            .keyID(kid);
    return sign(header.apply(builder).build(), credential.apply(vc).toString(), key);
  }

  static String sign(JWSHeader header, String payload, SigningKey key) {
    JWSObject jws = new JWSObject(header, new Payload(payload));
    try {
      jws.sign(BcJose.signer(key));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jws.serialize();
  }

  JsonObject verifyCredential(String jwt) {
    return publicPost(
        "/credentials/verify",
        new JsonObject()
            .put(
                "verifiableCredential",
                new JsonObject()
                    .put("@context", VcContexts.CREDENTIALS_V2)
                    .put("id", VcContexts.ENVELOPED_VC_PREFIX + jwt)
                    .put("type", "EnvelopedVerifiableCredential")));
  }

  HttpResponse<String> post(String path, JsonObject body) {
    return node.send(
        node.request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.encode(), UTF_8)));
  }

  JsonObject publicPost(String path, JsonObject body) {
    HttpResponse<String> response = post(path, body);
    JsonObject answer = new JsonObject(response.body());
    // The VC API verifier answers a credential that does not verify 400, with the full report.
    boolean refused =
        path.equals("/credentials/verify") && Boolean.FALSE.equals(answer.getValue("verified"));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(refused ? 400 : 200);
    return answer;
  }
}
