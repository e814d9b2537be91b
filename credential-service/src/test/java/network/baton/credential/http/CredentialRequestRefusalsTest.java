package network.baton.credential.http;

import static network.baton.credential.http.ReportChecks.check;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import network.baton.credential.service.FixtureCourses;
import org.junit.jupiter.api.Test;

/** Requests the credential routes refuse: no admin token, malformed, unknown, oversized. */
class CredentialRequestRefusalsTest extends AdminGuardedRoutes {
  @Test
  void issuingNeedsTheAdminToken() throws Exception {
    String body = issueRequest(FixtureCourses.COURSE, "vc+jwt").encode();
    assertThat(post("/credentials/issue", body, null).statusCode()).isEqualTo(401);
    assertThat(post("/credentials/issue", body, "wrong").statusCode()).isEqualTo(403);
    assertThat(post("/credentials/status", statusBody("urn:uuid:x", "revoked"), null).statusCode())
        .isEqualTo(401);
    assertThat(node.service.issuance().issued()).isEmpty();
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
    assertThat(node.service.issuance().issued()).isEmpty();
  }

  @Test
  void oversizedBodyIsRefused() throws Exception {
    String big = new JsonObject().put("verifiableCredential", "x".repeat(ROUTE_LIMIT + 1)).encode();
    HttpResponse<Buffer> response = post("/credentials/verify", big, null);
    assertThat(response.statusCode()).isEqualTo(413);
  }
}
