package network.baton.credential.http;

import static network.baton.credential.http.ReportChecks.achievementId;
import static network.baton.credential.http.ReportChecks.check;
import static network.baton.credential.http.RoutesServer.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSObject;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.PlatformHandler;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.TimeUnit;
import network.baton.credential.integrity.EddsaRdfc2022;
import network.baton.credential.issue.HolderWallet;
import network.baton.credential.keys.NodeKeys;
import network.baton.credential.service.FixtureCourses;
import network.baton.credential.service.ServiceFixture;
import network.baton.credential.service.StatusListCredentialVerifier;
import network.baton.credential.status.StatusList;
import network.baton.credential.status.StatusListCredential;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CredentialRoutesTest {
  private static final String TOKEN = "admin-secret";
  private static final int ROUTE_LIMIT = 64 * 1024;

  @TempDir Path dir;
  private final HolderWallet holder = HolderWallet.generate(new SecureRandom());
  private final NodeKeys keys = ServiceFixture.keys();
  private Vertx vertx;
  private ServiceFixture.Services service;
  private RoutesServer routes;

  /** The node's admin check in miniature: a platform handler, 401 without a token, 403 wrong. */
  private static final class BearerCheck implements PlatformHandler {
    @Override
    public void handle(RoutingContext rc) {
      String header = rc.request().getHeader("Authorization");
      if (header == null) {
        rc.fail(new Problem("unauthorized", 401, "Unauthorized", "admin token needed"));
      } else if (!header.equals("Bearer " + TOKEN)) {
        rc.fail(new Problem("forbidden", 403, "Forbidden", "token not accepted"));
      } else {
        rc.next();
      }
    }
  }

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    this.vertx = vertx;
    service = ServiceFixture.open(dir, keys);
    routes =
        RoutesServer.start(
            vertx,
            "credentials-test",
            pool ->
                new CredentialRoutes(
                    service.issuance(),
                    service.verification(),
                    pool,
                    new BearerCheck(),
                    BodyHandler.create(false).setBodyLimit(2 * 1024 * 1024),
                    ROUTE_LIMIT),
            ProblemHandler.create());
  }

  @AfterEach
  void stop() throws Exception {
    routes.close();
    service.close();
  }

  private HttpResponse<Buffer> post(String path, String body, String token) throws Exception {
    var request = routes.post(path);
    if (token != null) request.putHeader("Authorization", "Bearer " + token);
    request.putHeader("Content-Type", "application/json");
    return await(request.sendBuffer(Buffer.buffer(body)));
  }

  private HttpResponse<Buffer> get(String path) throws Exception {
    return await(routes.get(path).send());
  }

  private JsonObject issueRequest(String course, String format) {
    JsonObject request = CredentialRoutes.issueRequest(holder.did(), course, format);
    request.getJsonObject("credential").put("validFrom", "2026-04-01T00:00:00Z");
    return request;
  }

  private JsonObject issue(String format) throws Exception {
    HttpResponse<Buffer> response =
        post("/credentials/issue", issueRequest(FixtureCourses.COURSE, format).encode(), TOKEN);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    return response.bodyAsJsonObject();
  }

  private JsonObject verify(Object verifiableCredential) throws Exception {
    HttpResponse<Buffer> response =
        post(
            "/credentials/verify",
            new JsonObject().put("verifiableCredential", verifiableCredential).encode(),
            null);
    // The VC API verifier: 200 verified, 400 (with the report) a credential that does not verify.
    JsonObject report = response.bodyAsJsonObject();
    assertThat(response.statusCode())
        .as(response.bodyAsString())
        .isEqualTo(report.getBoolean("verified") ? 200 : 400);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
    return report;
  }

  private static String jwtOf(JsonObject issued) {
    return issued
        .getJsonObject("verifiableCredential")
        .getString("id")
        .substring("data:application/vc+jwt,".length());
  }

  private JsonObject setStatus(String credentialId, String status) throws Exception {
    HttpResponse<Buffer> response =
        post("/credentials/status", statusBody(credentialId, status), TOKEN);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject();
  }

  private static String statusBody(String credentialId, String status) {
    return new JsonObject()
        .put("credentialId", credentialId)
        .put(
            "credentialStatus",
            new JsonArray()
                .add(
                    new JsonObject().put("type", "BitstringStatusListEntry").put("status", status)))
        .encode();
  }

  @Test
  void jwtCredentialIsIssuedAndVerifiesWithSkillsAndLabels() throws Exception {
    JsonObject issued = issue("vc+jwt");
    assertThat(issued.getJsonObject("verifiableCredential").getString("type"))
        .isEqualTo("EnvelopedVerifiableCredential");

    for (Object input : List.of(issued.getJsonObject("verifiableCredential"), jwtOf(issued))) {
      JsonObject report = verify(input);
      assertThat(report.getBoolean("verified")).as(report.encodePrettily()).isTrue();
      assertThat(report.getJsonArray("errors")).isEmpty();
      assertThat(check(report, "schema").getBoolean("passed")).isTrue();
      assertThat(report.getString("subject")).isEqualTo(holder.did());
      JsonObject achievement = report.getJsonObject("achievement");
      assertThat(achievement.getString("id")).isEqualTo(FixtureCourses.COURSE);
      assertThat(achievement.getString("name")).isEqualTo("Fundamentals of Electrochemistry");
      JsonObject thermo = achievement.getJsonArray("skills").getJsonObject(0);
      assertThat(thermo.getString("id")).isEqualTo(FixtureCourses.ECH_THERMO);
      assertThat(thermo.getJsonObject("labels").getString("ja")).isEqualTo("電気化学熱力学・開回路電圧（OCV）");
      assertThat(thermo.getJsonObject("labels").getString("en"))
          .isEqualTo("Electrochemical thermodynamics and open-circuit voltage");
      assertThat(achievement.getJsonArray("skills")).hasSize(2);
    }
  }

  @Test
  void dataIntegrityCredentialIsIssuedAndVerifies() throws Exception {
    JsonObject issued = issue("eddsa-rdfc-2022");
    JsonObject credential = issued.getJsonObject("verifiableCredential");
    assertThat(credential.getJsonObject("proof").getString("cryptosuite"))
        .isEqualTo("eddsa-rdfc-2022");
    assertThat(credential.getString("id")).isEqualTo(issued.getString("credentialId"));

    JsonObject report = verify(credential);
    assertThat(report.getBoolean("verified")).as(report.encodePrettily()).isTrue();
    assertThat(report.getJsonObject("achievement").getJsonArray("skills")).hasSize(2);

    credential
        .getJsonObject("credentialSubject")
        .getJsonObject("achievement")
        .put("name", "Forged");
    JsonObject tampered = verify(credential);
    assertThat(tampered.getBoolean("verified")).isFalse();
    assertThat(check(tampered, "signature").getBoolean("passed")).isFalse();
  }

  @Test
  void revokedCredentialFailsOnStatusInBothFormats() throws Exception {
    for (String format : List.of("vc+jwt", "eddsa-rdfc-2022")) {
      JsonObject issued = issue(format);
      JsonObject changed = setStatus(issued.getString("credentialId"), "revoked");
      assertThat(changed.getString("status")).isEqualTo("revoked");
      assertThat(changed.getBoolean("changed")).isTrue();

      JsonObject report = verify(issued.getJsonObject("verifiableCredential"));
      assertThat(report.getBoolean("verified")).isFalse();
      JsonObject status = check(report, "status");
      assertThat(status.getBoolean("passed")).isFalse();
      assertThat(status.getString("reason")).contains("revoked");
      assertThat(check(report, "signature").getBoolean("passed")).isTrue();
    }
  }

  @Test
  void aCourseOrderForRevocationAloneCarriesOneStatusObjectAndCannotBeSuspended() throws Exception {
    JsonObject request = issueRequest(FixtureCourses.COURSE, "eddsa-rdfc-2022");
    request
        .getJsonObject("options")
        .put(
            "credentialStatus",
            new JsonObject()
                .put("type", "BitstringStatusListEntry")
                .put("statusPurpose", "revocation"));
    HttpResponse<Buffer> response = post("/credentials/issue", request.encode(), TOKEN);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    JsonObject issued = response.bodyAsJsonObject();
    JsonObject credential = issued.getJsonObject("verifiableCredential");

    assertThat(credential.getValue("credentialStatus")).isInstanceOf(JsonObject.class);
    assertThat(credential.getJsonObject("credentialStatus").getString("statusPurpose"))
        .isEqualTo("revocation");
    assertThat(verify(credential).getBoolean("verified")).isTrue();
    HttpResponse<Buffer> suspend =
        post(
            "/credentials/status",
            statusBody(issued.getString("credentialId"), "suspended"),
            TOKEN);
    assertThat(suspend.statusCode()).as(suspend.bodyAsString()).isEqualTo(409);
    assertThat(suspend.bodyAsString()).contains("no suspension status entry");
  }

  @Test
  void suspensionCanBeLiftedButRevocationCannot() throws Exception {
    JsonObject request = issueRequest(FixtureCourses.COURSE, "vc+jwt");
    request
        .getJsonObject("options")
        .put("credentialStatus", new JsonArray().add("revocation").add("suspension"));
    HttpResponse<Buffer> response = post("/credentials/issue", request.encode(), TOKEN);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    JsonObject issued = response.bodyAsJsonObject();
    String id = issued.getString("credentialId");
    setStatus(id, "suspended");
    JsonObject suspended = verify(jwtOf(issued));
    assertThat(suspended.getBoolean("verified")).isFalse();
    assertThat(check(suspended, "status").getString("reason")).contains("suspended");

    assertThat(setStatus(id, "unsuspended").getString("status")).isEqualTo("active");
    assertThat(verify(jwtOf(issued)).getBoolean("verified")).isTrue();

    setStatus(id, "revoked");
    HttpResponse<Buffer> refused =
        post("/credentials/status", statusBody(id, "unsuspended"), TOKEN);
    assertThat(refused.statusCode()).isEqualTo(409);
  }

  @Test
  void statusListIsServedSignedAndShowsTheRevokedIndex() throws Exception {
    JsonObject issued = issue("vc+jwt");
    JsonNode payload =
        new ObjectMapper().readTree(JWSObject.parse(jwtOf(issued)).getPayload().toString());
    // A course credential carries one revocation entry by default (issue 13).
    JsonNode entry = payload.path("credentialStatus");
    assertThat(entry.path("statusPurpose").asText()).isEqualTo("revocation");
    assertThat(entry.path("statusListCredential").asText())
        .isEqualTo("https://kosen.example/status/0-revocation");
    int index = entry.path("statusListIndex").asInt();
    setStatus(issued.getString("credentialId"), "revoked");

    HttpResponse<Buffer> response = get("/status/0-revocation");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/vc+jwt");
    StatusListCredentialVerifier verifier =
        new StatusListCredentialVerifier(
            did -> service.issuance().didDocument(),
            new EddsaRdfc2022(ServiceFixture.CONTEXTS.documentLoader()));
    JsonNode list = verifier.verify(response.bodyAsString());
    StatusListCredential credential =
        StatusListCredential.fromJson(list, StatusList.DEFAULT_MAX_SIZE);
    assertThat(credential.issuer()).isEqualTo(service.issuance().issuerDid());
    assertThat(credential.list().get(index)).isTrue();
    assertThat(credential.list().get(index + 1)).isFalse();

    HttpResponse<Buffer> jsonLd =
        await(routes.get("/status/0-revocation").putHeader("Accept", "application/vc").send());
    assertThat(jsonLd.statusCode()).as(jsonLd.bodyAsString()).isEqualTo(200);
    assertThat(jsonLd.bodyAsJsonObject().getJsonObject("proof").getString("cryptosuite"))
        .isEqualTo("eddsa-rdfc-2022");
    StatusListCredential proven =
        StatusListCredential.fromJson(
            verifier.verify(jsonLd.bodyAsString()), StatusList.DEFAULT_MAX_SIZE);
    assertThat(proven.list().get(index)).isTrue();

    assertThat(get("/status/7-revocation").statusCode()).isEqualTo(404);
    assertThat(get("/status/list").statusCode()).isEqualTo(404);
  }

  @Test
  void envelopedPresentationWithAnIssuedChallengeVerifiesOnceOnly() throws Exception {
    String jwt = jwtOf(issue("vc+jwt"));
    JsonObject challenge =
        post(
                "/challenges",
                new JsonObject().put("domain", "https://employer.example").encode(),
                null)
            .bodyAsJsonObject();
    String nonce = challenge.getString("challenge");
    String vp = holder.present(List.of(jwt), nonce, "https://employer.example");
    JsonObject request =
        new JsonObject()
            .put(
                "verifiablePresentation",
                new JsonObject()
                    .put("@context", "https://www.w3.org/ns/credentials/v2")
                    .put("type", "EnvelopedVerifiablePresentation")
                    .put("id", "data:application/vp+jwt," + vp))
            .put(
                "options",
                new JsonObject().put("challenge", nonce).put("domain", "https://employer.example"));

    HttpResponse<Buffer> response = post("/presentations/verify", request.encode(), null);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject report = response.bodyAsJsonObject();
    assertThat(report.getBoolean("verified")).as(report.encodePrettily()).isTrue();
    assertThat(achievementId(report, 0)).isEqualTo(FixtureCourses.COURSE);

    JsonObject replay = post("/presentations/verify", request.encode(), null).bodyAsJsonObject();
    assertThat(replay.getBoolean("verified")).isFalse();
    assertThat(check(replay, "nonce").getString("reason")).contains("already used");
  }

  @Test
  void issuingNeedsTheAdminToken() throws Exception {
    String body = issueRequest(FixtureCourses.COURSE, "vc+jwt").encode();
    assertThat(post("/credentials/issue", body, null).statusCode()).isEqualTo(401);
    assertThat(post("/credentials/issue", body, "wrong").statusCode()).isEqualTo(403);
    assertThat(post("/credentials/status", statusBody("urn:uuid:x", "revoked"), null).statusCode())
        .isEqualTo(401);
    assertThat(service.issuance().issued()).isEmpty();
  }

  @Test
  void badRequestsAreAnsweredWithProblems() throws Exception {
    HttpResponse<Buffer> malformed = post("/credentials/issue", "{\"credential\": ", TOKEN);
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.getHeader("Content-Type")).isEqualTo("application/problem+json");
    assertThat(malformed.bodyAsJsonObject().getString("type"))
        .isEqualTo(Problem.TYPE_PREFIX + "malformed-json");

    JsonObject noSubject = issueRequest(FixtureCourses.COURSE, "vc+jwt");
    noSubject.getJsonObject("credential").remove("credentialSubject");
    HttpResponse<Buffer> missing = post("/credentials/issue", noSubject.encode(), TOKEN);
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.bodyAsJsonObject().getString("member"))
        .isEqualTo("credential.credentialSubject");

    assertThat(
            post("/credentials/issue", issueRequest(FixtureCourses.COURSE, "ldp").encode(), TOKEN)
                .statusCode())
        .isEqualTo(400);
    assertThat(post("/credentials/verify", "[]", null).statusCode()).isEqualTo(400);
    assertThat(post("/credentials/verify", "{}", null).statusCode()).isEqualTo(400);
    assertThat(
            post(
                    "/presentations/verify",
                    "{\"verifiablePresentation\": \"a.b.c\", \"options\": {\"issuedChallenge\":"
                        + " true}}",
                    null)
                .statusCode())
        .isEqualTo(400);
    assertThat(post("/credentials/status", statusBody("urn:uuid:x", "deleted"), TOKEN).statusCode())
        .isEqualTo(400);
    JsonObject dataIntegrityPresentation =
        new JsonObject()
            .put("verifiablePresentation", new JsonObject().put("type", "VerifiablePresentation"))
            .put("options", new JsonObject().put("challenge", "n").put("domain", "d"));
    HttpResponse<Buffer> unsecured =
        post("/presentations/verify", dataIntegrityPresentation.encode(), null);
    assertThat(unsecured.statusCode()).isEqualTo(200);
    assertThat(unsecured.bodyAsJsonObject().getBoolean("verified")).isFalse();
    assertThat(check(unsecured.bodyAsJsonObject(), "format").getBoolean("passed")).isFalse();
  }

  @Test
  void unknownCourseAndUnknownSkillAreUnprocessable() throws Exception {
    HttpResponse<Buffer> course =
        post(
            "/credentials/issue",
            issueRequest("https://kosen.example/resources/none", "vc+jwt").encode(),
            TOKEN);
    assertThat(course.statusCode()).isEqualTo(422);
    assertThat(course.bodyAsJsonObject().getString("type"))
        .isEqualTo(Problem.TYPE_PREFIX + "unknown-course");

    HttpResponse<Buffer> skill =
        post(
            "/credentials/issue",
            issueRequest(FixtureCourses.COURSE_WITH_UNKNOWN_SKILL, "vc+jwt").encode(),
            TOKEN);
    assertThat(skill.statusCode()).isEqualTo(422);
    assertThat(skill.bodyAsJsonObject().getJsonArray("unknownSkills"))
        .containsExactly("https://w3id.org/baton/skill/NOT-A-SKILL");

    JsonObject notDid = issueRequest(FixtureCourses.COURSE, "vc+jwt");
    notDid
        .getJsonObject("credential")
        .getJsonObject("credentialSubject")
        .put("id", "alice@example.org");
    assertThat(post("/credentials/issue", notDid.encode(), TOKEN).statusCode()).isEqualTo(422);
    assertThat(service.issuance().issued()).isEmpty();
  }

  @Test
  void unknownCredentialIdOnStatusIsNotFound() throws Exception {
    HttpResponse<Buffer> response =
        post("/credentials/status", statusBody("urn:uuid:never-issued", "revoked"), TOKEN);
    assertThat(response.statusCode()).isEqualTo(404);
  }

  @Test
  void oversizedBodyIsRefused() throws Exception {
    String big = new JsonObject().put("verifiableCredential", "x".repeat(ROUTE_LIMIT + 1)).encode();
    HttpResponse<Buffer> response = post("/credentials/verify", big, null);
    assertThat(response.statusCode()).isEqualTo(413);
  }

  @Test
  void credentialThatFailsAChecksIsAnsweredWithTheReport() throws Exception {
    JsonObject report = verify("eyJhbGciOiJub25lIn0.e30.");
    assertThat(report.getBoolean("verified")).isFalse();
    assertThat(report.getJsonArray("errors")).isNotEmpty();
    assertThat(check(report, "header").getString("reason")).contains("none");
  }
}
