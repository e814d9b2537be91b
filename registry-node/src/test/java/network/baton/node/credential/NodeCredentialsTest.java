package network.baton.node.credential;

import static network.baton.credential.http.ReportChecks.check;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import network.baton.credential.http.CredentialRoutes;
import network.baton.credential.issue.HolderWallet;
import network.baton.credential.issue.VcContexts;
import network.baton.node.RunningNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A real node with the kosen sample issues, verifies and revokes credentials over HTTP. */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class NodeCredentialsTest {

  private Vertx vertx;
  private RunningNode node;
  private String course;
  private final HolderWallet holder = HolderWallet.generate(new SecureRandom());

  @BeforeAll
  void startNode(@TempDir Path folder) {
    vertx = Vertx.vertx();
    node = CredentialNode.start(vertx, folder, config -> config);
    course = node.url() + "/resources/kosen-mc4-ec";
  }

  @AfterAll
  void stopNode() {
    if (node != null) node.close();
    if (vertx != null) vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  private HttpResponse<String> issue(String achievement, String format, boolean withToken) {
    JsonObject body = CredentialRoutes.issueRequest(holder.did(), achievement, format);
    HttpRequest.Builder request =
        node.request("/credentials/issue")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.encode(), StandardCharsets.UTF_8));
    if (withToken) request.header("Authorization", "Bearer " + RunningNode.TOKEN);
    return node.send(request);
  }

  private JsonObject issued(String format) {
    HttpResponse<String> response = issue(course, format, true);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return new JsonObject(response.body());
  }

  private JsonObject publicPost(String path, JsonObject body) {
    HttpResponse<String> response =
        node.send(
            node.request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode(), StandardCharsets.UTF_8)));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new JsonObject(response.body());
  }

  private JsonObject verify(Object verifiableCredential) {
    return CredentialNode.verify(node, verifiableCredential);
  }

  private String nodeDid() {
    return "did:web:localhost%3A" + java.net.URI.create(node.url()).getPort();
  }

  @Test
  void jwtCredentialForACourseOfTheNodeVerifiesWithItsSkillsInJapaneseAndEnglish() {
    JsonObject issued = issued("vc+jwt");
    JsonObject envelope = issued.getJsonObject("verifiableCredential");
    assertThat(envelope.getString("type")).isEqualTo("EnvelopedVerifiableCredential");
    assertThat(envelope.getString("id")).startsWith(VcContexts.ENVELOPED_VC_PREFIX);

    JsonObject report = verify(envelope);

    assertThat(report.getBoolean("verified")).as(report.encodePrettily()).isTrue();
    assertThat(report.getString("issuer")).isEqualTo(nodeDid());
    assertThat(report.getString("subject")).isEqualTo(holder.did());
    JsonObject achievement = report.getJsonObject("achievement");
    assertThat(achievement.getString("id")).isEqualTo(course);
    assertThat(achievement.getString("name")).isEqualTo("Electrochemistry");
    JsonArray skills = achievement.getJsonArray("skills");
    assertThat(skills.stream().map(s -> ((JsonObject) s).getString("id")))
        .containsExactlyInAnyOrder(
            "https://w3id.org/baton/skill/ECH-THERMO",
            "https://w3id.org/baton/skill/ECH-KIN",
            "https://w3id.org/baton/skill/ECH-MEAS-CV",
            "https://w3id.org/baton/skill/DES-EVAL-EIS");
    for (Object skill : skills) {
      JsonObject labels = ((JsonObject) skill).getJsonObject("labels");
      assertThat(labels.getString("ja")).isNotBlank();
      assertThat(labels.getString("en")).isNotBlank();
    }
  }

  @Test
  void dataIntegrityCredentialForACurriculumVerifies() {
    HttpResponse<String> response =
        issue(node.url() + "/resources/kosen-mec-programme", "eddsa-rdfc-2022", true);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonObject credential = new JsonObject(response.body()).getJsonObject("verifiableCredential");
    assertThat(credential.getJsonObject("proof").getString("cryptosuite"))
        .isEqualTo("eddsa-rdfc-2022");

    JsonObject report = verify(credential);

    assertThat(report.getBoolean("verified")).as(report.encodePrettily()).isTrue();
    assertThat(report.getJsonObject("achievement").getJsonArray("skills")).hasSize(4);
  }

  @Test
  void didDocumentListsTheNodeKeyForAssertion() {
    HttpResponse<String> response = node.get("/.well-known/did.json", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/did+json");
    JsonObject document = new JsonObject(response.body());
    assertThat(document.getString("id")).isEqualTo(nodeDid());
    JsonObject method = document.getJsonArray("verificationMethod").getJsonObject(0);
    assertThat(method.getString("id")).isEqualTo(nodeDid() + "#key-1");
    assertThat(method.getString("publicKeyMultibase")).startsWith("z6Mk");
    assertThat(document.getJsonArray("assertionMethod")).contains(nodeDid() + "#key-1");
  }

  @Test
  void presentationPassesWithTheNodesChallengeAndFailsWithAnother() {
    String jwt = CredentialNode.jwtOf(issued("vc+jwt"));
    String audience = node.url();
    String challenge = publicPost("/challenges", new JsonObject()).getString("challenge");
    String unused = publicPost("/challenges", new JsonObject()).getString("challenge");

    JsonObject good =
        publicPost(
            "/presentations/verify",
            presentation(holder.present(List.of(jwt), challenge, audience), challenge, audience));
    JsonObject wrong =
        publicPost(
            "/presentations/verify",
            presentation(holder.present(List.of(jwt), "nonce-2", audience), unused, audience));

    assertThat(good.getBoolean("verified")).as(good.encodePrettily()).isTrue();
    assertThat(check(good, "holder binding").getBoolean("passed")).isTrue();
    assertThat(wrong.getBoolean("verified")).isFalse();
    assertThat(check(wrong, "nonce").getBoolean("passed")).isFalse();
  }

  @Test
  void revokedCredentialFailsTheStatusCheck() {
    JsonObject issued = issued("vc+jwt");
    JsonObject change =
        new JsonObject()
            .put("credentialId", issued.getString("credentialId"))
            .put(
                "credentialStatus", new JsonArray().add(new JsonObject().put("status", "revoked")));
    HttpResponse<String> revoked =
        node.post("/credentials/status", "application/json", change.encode());
    assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);

    JsonObject report = verify(issued.getJsonObject("verifiableCredential"));

    assertThat(report.getBoolean("verified")).isFalse();
    assertThat(check(report, "status").getString("reason")).contains("revoked");
    assertThat(check(report, "signature").getBoolean("passed")).isTrue();
  }

  @Test
  void courseTheNodeDoesNotPublishIsRefusedWith422() {
    HttpResponse<String> elsewhere =
        issue("https://other.example/resources/kosen-mc4-ec", "vc+jwt", true);
    HttpResponse<String> missing = issue(node.url() + "/resources/no-such-course", "vc+jwt", true);
    HttpResponse<String> notACourse = issue(node.url() + "/resources/institution", "vc+jwt", true);

    for (HttpResponse<String> response : List.of(elsewhere, missing, notACourse)) {
      assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("application/problem+json");
      assertThat(new JsonObject(response.body()).getString("type"))
          .isEqualTo("https://w3id.org/baton/problems#unknown-course");
    }
  }

  @Test
  void issuingWithoutTheAdminTokenIsRefusedWith401() {
    HttpResponse<String> response = issue(course, "vc+jwt", false);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
  }

  @Test
  void malformedIssueRequestIs400WithTheMemberNamed() {
    HttpResponse<String> response =
        node.post("/credentials/issue", "application/json", "{\"credential\": {}}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(response.body()).getString("member"))
        .isEqualTo("credential.credentialSubject");
  }

  @Test
  void aBodyThatIsNotUtf8IsRefusedNamingTheByte() {
    byte[] body = "{\"verifiableCredential\": \"ab_cd\"}".getBytes(StandardCharsets.UTF_8);
    body[26] = (byte) 0xc3; // a lead byte followed by an ASCII letter

    JsonObject problem = rawPost("/credentials/verify", body, 400);

    assertThat(problem.getString("detail")).contains("not valid UTF-8 at byte 26");
    assertThat(problem.getLong("byteOffset")).isEqualTo(26);
  }

  @Test
  void credentialsOverTheJsonLimitsAreRefusedBeforeTheyAreExpanded() {
    JsonObject credential = issued("eddsa-rdfc-2022").getJsonObject("verifiableCredential").copy();
    JsonArray many = new JsonArray();
    for (int i = 0; i < 400; i++) {
      many.add(new JsonObject().put("type", "Achievement").put("name", "n" + i));
    }
    for (int i = 0; i < 30; i++) {
      credential.put("http://example.org/padding" + i, many);
    }
    StringBuilder deep = new StringBuilder("{\"verifiableCredential\": ");
    deep.append("{\"a\": ".repeat(200)).append("1").append("}".repeat(200)).append('}');

    JsonObject tooMany =
        rawPost(
            "/credentials/verify",
            new JsonObject().put("verifiableCredential", credential).encode().getBytes(),
            413);
    JsonObject tooDeep =
        rawPost("/presentations/verify", deep.toString().getBytes(StandardCharsets.UTF_8), 400);

    assertThat(tooMany.getString("limit")).isEqualTo("maxJsonValues");
    assertThat(tooDeep.getString("limit")).isEqualTo("maxNestingDepth");
  }

  private JsonObject rawPost(String path, byte[] body, int status) {
    HttpResponse<String> response =
        node.send(
            node.request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    return new JsonObject(response.body());
  }

  @Test
  void anotherNodeTrustingThisOneVerifiesItsCredentialOverLoopback(@TempDir Path other) {
    JsonObject envelope = issued("vc+jwt").getJsonObject("verifiableCredential");
    RunningNode verifier =
        CredentialNode.start(
            vertx,
            other,
            config ->
                config.withCredentials(
                    config.credentials().withTrustedIssuers(List.of(nodeDid()))));
    RunningNode strict =
        CredentialNode.start(
            vertx,
            other,
            config -> config.withCredentials(config.credentials().withLoopbackHttp(false)));
    try {
      JsonObject report = CredentialNode.verify(verifier, envelope);
      JsonObject refused = CredentialNode.verify(strict, envelope);

      assertThat(report.getBoolean("verified")).as(report.encodePrettily()).isTrue();
      assertThat(check(report, "status").getString("reason")).contains("not revoked");
      assertThat(refused.getBoolean("verified")).isFalse();
      assertThat(check(refused, "key").getBoolean("passed")).isFalse();
    } finally {
      verifier.close();
      strict.close();
    }
  }

  private static JsonObject presentation(String vpJwt, String challenge, String domain) {
    return new JsonObject()
        .put("verifiablePresentation", vpJwt)
        .put(
            "options",
            new JsonObject()
                .put("challenge", challenge)
                .put("domain", domain)
                .put("holderBinding", true));
  }
}
