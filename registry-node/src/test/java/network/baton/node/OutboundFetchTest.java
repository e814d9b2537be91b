package network.baton.node;

import static java.nio.charset.StandardCharsets.UTF_8;
import static network.baton.credential.http.ReportChecks.check;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import network.baton.credential.did.DidKey;
import network.baton.credential.fetch.Tripwire;
import network.baton.credential.http.CredentialRoutes;
import network.baton.credential.issue.CredentialIssuer;
import network.baton.credential.issue.HolderWallet;
import network.baton.credential.issue.IssueRequest;
import network.baton.credential.issue.IssuerProfile;
import network.baton.credential.issue.VcContexts;
import network.baton.credential.jose.BcJose;
import network.baton.credential.keys.KeyAlgorithm;
import network.baton.credential.keys.SigningKey;
import network.baton.credential.service.SkillFrameworkLookup;
import network.baton.credential.status.StatusEntry;
import network.baton.credential.status.StatusPurpose;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A node set up as on the internet (no {@code allowLoopbackHttp}) never connects where a posted
 * credential, presentation or resource points it: a tripwire on 127.0.0.1 (and ::1) fails the test
 * if anything connects. Each refusal shows in the verification report with its reason; no answer is
 * a 5xx.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
class OutboundFetchTest {
  private static final String COURSE_PATH = "/resources/kosen-mc4-ec";
  private static final List<String> SKILLS = List.of("https://w3id.org/baton/skill/ECH-THERMO");

  private Vertx vertx;
  private RunningNode node;
  private Tripwire tripwire;
  private final SecureRandom random = new SecureRandom();
  private final SkillFrameworkLookup skills = new SkillFrameworkLookup(SkillFramework.load());
  private final HolderWallet holder = HolderWallet.generate(random);

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

  @ParameterizedTest
  @ValueSource(
      strings = {
        "did:web:127.0.0.1%3A{port}",
        "did:web:localhost%3A{port}",
        "did:web:%5B%3A%3A1%5D%3A{port}",
        "did:web:0.0.0.0%3A{port}",
        "did:web:127.0.0.1%3A{port}:users:alice",
        "did:web:10.0.0.1",
        "did:web:192.168.0.10%3A8443",
        "did:web:169.254.169.254"
      })
  void credentialWhoseIssuerKeyIsAtARefusedAddressIsReportedWithTheReason(String template) {
    String did = did(template);
    String jwt = signedJwt(did, did + "#key-1", key("key-1"), vc -> vc, header -> header);

    JsonObject report = verifyCredential(jwt);

    assertThat(report.getBoolean("verified")).isFalse();
    JsonObject key = check(report, "key");
    assertThat(key.getBoolean("passed")).isFalse();
    assertThat(key.getString("reason"))
        .contains(did + " resolves to")
        .endsWith("which this node does not fetch from");
  }

  @Test
  void loopbackRefusalReadsAsThePersonNeedsIt() {
    String did = "did:web:127.0.0.1%3A" + tripwire.port();
    String jwt = signedJwt(did, did + "#key-1", key("key-1"), vc -> vc, header -> header);

    JsonObject key = check(verifyCredential(jwt), "key");

    assertThat(key.getString("reason"))
        .isEqualTo(
            "cannot resolve "
                + did
                + ": "
                + did
                + " resolves to a loopback address (127.0.0.1), which this node does not fetch"
                + " from");
  }

  @Test
  void presentationCarryingSuchACredentialReportsItAndConnectsNowhere() {
    String did = "did:web:127.0.0.1%3A" + tripwire.port();
    String jwt = signedJwt(did, did + "#key-1", key("key-1"), vc -> vc, header -> header);
    String challenge = publicPost("/challenges", new JsonObject()).getString("challenge");
    String vp = holder.present(List.of(jwt), challenge, node.url());

    JsonObject report =
        publicPost(
            "/presentations/verify",
            new JsonObject()
                .put("verifiablePresentation", vp)
                .put(
                    "options",
                    new JsonObject().put("challenge", challenge).put("domain", node.url())));

    assertThat(report.getBoolean("verified")).isFalse();
    assertThat(report.encode()).contains(did + " resolves to a loopback address (127.0.0.1)");
  }

  @Test
  void presentationSignedByAHolderKeyOnLoopbackConnectsNowhere() {
    String did = "did:web:localhost%3A" + tripwire.port();
    String challenge = publicPost("/challenges", new JsonObject()).getString("challenge");
    ObjectNode vp =
        com.fasterxml.jackson.databind.json.JsonMapper.builder().build().createObjectNode();
    vp.putArray("@context").add(VcContexts.CREDENTIALS_V2);
    vp.putArray("type").add("VerifiablePresentation");
    vp.put("holder", did);
    // A credential for this holder from an issuer resolved without fetching, so that the holder's
    // key is what remains to be looked up.
    SigningKey issuerKey = didKey();
    String credential =
        signedJwt(
            issuerOf(issuerKey),
            issuerKey.id(),
            issuerKey,
            vc -> {
              ((ObjectNode) vc.get("credentialSubject")).put("id", did);
              return vc;
            },
            h -> h);
    vp.putArray("verifiableCredential")
        .addObject()
        .put("@context", VcContexts.CREDENTIALS_V2)
        .put("id", VcContexts.ENVELOPED_VC_PREFIX + credential)
        .put("type", "EnvelopedVerifiableCredential");
    vp.put("nonce", challenge);
    vp.put("aud", node.url());
    String signed =
        sign(
            new JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.EdDSA)
                .type(new JOSEObjectType(VcContexts.VP_JWT))
                .keyID(did + "#key-1")
                .build(),
            vp.toString(),
            key("key-1"));

    HttpResponse<String> response =
        post(
            "/presentations/verify",
            new JsonObject()
                .put("verifiablePresentation", signed)
                .put(
                    "options",
                    new JsonObject().put("challenge", challenge).put("domain", node.url())));

    assertThat(response.statusCode()).as(response.body()).isLessThan(500);
    assertThat(response.body()).contains("which this node does not fetch from");
  }

  @Test
  void verifyPageShowsTheRefusalAndConnectsNowhere() {
    String did = "did:web:127.0.0.1%3A" + tripwire.port();
    String jwt = signedJwt(did, did + "#key-1", key("key-1"), vc -> vc, header -> header);

    HttpResponse<String> page =
        node.postForm("/verify", "credential=" + URLEncoder.encode(jwt, UTF_8) + "&lang=en");

    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(page.body())
        .contains("Not verified")
        .contains(
            "resolves to a loopback address (127.0.0.1), which this node does not fetch from");
  }

  // --- URLs inside an authentic credential ---

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://127.0.0.1:{port}/status/0-revocation",
        "http://127.0.0.1:{port}/status/0-revocation",
        "https://localhost:{port}/status/0-revocation",
        "https://[::1]:{port}/status/0-revocation",
        "https://169.254.169.254/status/0-revocation"
      })
  void statusListAtARefusedAddressIsNotFetchedAndTheStatusCheckSaysWhy(String template) {
    String url = template.replace("{port}", String.valueOf(tripwire.port()));
    SigningKey key = didKey();
    String issuer = issuerOf(key);
    ObjectNode status = StatusEntry.of(URI.create(url), StatusPurpose.REVOCATION, 7).toJson();
    String jwt = signedJwt(issuer, key.id(), key, vc -> vc.set("credentialStatus", status), h -> h);

    JsonObject report = verifyCredential(jwt);

    assertThat(check(report, "signature").getBoolean("passed")).as(report.encode()).isTrue();
    assertThat(check(report, "status").getString("reason"))
        .startsWith("status list could not be fetched from " + url + ": ")
        .contains("this node");
  }

  @Test
  void keyUrlsInTheJwsHeaderAreNeverFollowed() {
    SigningKey key = didKey();
    URI trap = URI.create("https://127.0.0.1:" + tripwire.port() + "/jwks.json");
    String jwt =
        signedJwt(
            issuerOf(key),
            key.id(),
            key,
            vc -> vc,
            header ->
                header
                    .jwkURL(trap)
                    .x509CertURL(URI.create("http://localhost:" + tripwire.port() + "/cert.pem")));

    JsonObject report = verifyCredential(jwt);

    assertThat(check(report, "signature").getBoolean("passed")).as(report.encode()).isTrue();
  }

  @Test
  void credentialSchemaIdIsNeverFetched() {
    SigningKey key = didKey();
    String schema = "https://127.0.0.1:" + tripwire.port() + "/schema.json";
    String jwt =
        signedJwt(
            issuerOf(key),
            key.id(),
            key,
            vc -> {
              vc.putArray("credentialSchema")
                  .addObject()
                  .put("id", schema)
                  .put("type", "1EdTechJsonSchemaValidator2019");
              return vc;
            },
            h -> h);

    JsonObject report = verifyCredential(jwt);

    assertThat(check(report, "signature").getBoolean("passed")).as(report.encode()).isTrue();
  }

  @Test
  void jsonLdCredentialNamingAContextOnTheTripwireIsNotFetched() {
    HttpResponse<String> issued =
        node.send(
            node.request("/credentials/issue")
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + RunningNode.TOKEN)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        CredentialRoutes.issueRequest(
                                holder.did(), node.url() + COURSE_PATH, "eddsa-rdfc-2022")
                            .encode())));
    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
    JsonObject credential = new JsonObject(issued.body()).getJsonObject("verifiableCredential");
    String trap = "https://127.0.0.1:" + tripwire.port() + "/context.jsonld";
    credential.getJsonArray("@context").add(trap);
    JsonObject proof = credential.getJsonObject("proof");
    if (proof.getValue("@context") instanceof JsonArray proofContext) proofContext.add(trap);

    JsonObject report =
        publicPost("/credentials/verify", new JsonObject().put("verifiableCredential", credential));

    assertThat(report.getBoolean("verified")).isFalse();
    assertThat(check(report, "signature").getString("reason"))
        .contains("not one of the bundled contexts (nothing is fetched)")
        .contains(trap);
  }

  @Test
  void resourceNamingAContextOnTheTripwireIsRefusedWithoutFetching() {
    String trap = "http://127.0.0.1:" + tripwire.port() + "/context.jsonld";
    for (String context :
        List.of(
            "\"" + trap + "\"",
            "[\"https://schema.org/\", \"https://localhost:" + tripwire.port() + "/c\"]",
            "{\"@import\": \"" + trap + "\"}")) {
      String body =
          "{\"@context\": "
              + context
              + ", \"@id\": \"resources/trap\", \"@type\": \"Course\", \"name\": \"Trap\"}";

      HttpResponse<String> response = node.post("/resources", "application/ld+json", body);

      assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
      assertThat(response.body()).contains("not bundled");
    }
  }

  @Test
  void sparqlFromClauseNamingTheTripwireIsNotFetched() {
    String query =
        "SELECT * FROM <http://127.0.0.1:"
            + tripwire.port()
            + "/data.ttl> FROM NAMED <https://localhost:"
            + tripwire.port()
            + "/g> WHERE { ?s ?p ?o } LIMIT 1";

    HttpResponse<String> response =
        node.get(
            "/sparql?query=" + URLEncoder.encode(query, UTF_8), "application/sparql-results+json");

    assertThat(response.statusCode()).as(response.body()).isLessThan(500);
  }

  // --- helpers ---

  private String did(String template) {
    return template.replace("{port}", String.valueOf(tripwire.port()));
  }

  private SigningKey key(String id) {
    return SigningKey.generate(KeyAlgorithm.ED25519, id, random);
  }

  // A did:key issuer: resolved without any fetch, so its credentials pass the signature check and
  // the URLs inside them are what the node is tempted with.
  private SigningKey didKey() {
    SigningKey key = key("key-1");
    return key.withId(DidKey.keyId(key.publicKey()));
  }

  private static String issuerOf(SigningKey didKey) {
    return didKey.id().substring(0, didKey.id().indexOf('#'));
  }

  private String signedJwt(
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

  private static String sign(JWSHeader header, String payload, SigningKey key) {
    JWSObject jws = new JWSObject(header, new Payload(payload));
    try {
      jws.sign(BcJose.signer(key));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jws.serialize();
  }

  private JsonObject verifyCredential(String jwt) {
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

  private HttpResponse<String> post(String path, JsonObject body) {
    return node.send(
        node.request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.encode(), UTF_8)));
  }

  private JsonObject publicPost(String path, JsonObject body) {
    HttpResponse<String> response = post(path, body);
    JsonObject answer = new JsonObject(response.body());
    // The VC API verifier answers a credential that does not verify 400, with the full report.
    boolean refused =
        path.equals("/credentials/verify") && Boolean.FALSE.equals(answer.getValue("verified"));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(refused ? 400 : 200);
    return answer;
  }
}
