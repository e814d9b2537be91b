package network.baton.credential.http;

import static network.baton.credential.http.ReportChecks.achievementId;
import static network.baton.credential.http.ReportChecks.check;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import network.baton.credential.service.FixtureCourses;
import org.junit.jupiter.api.Test;

/** Issuing over HTTP and verifying what was issued: a credential in each format, a presentation. */
class CredentialRoutesTest extends AdminGuardedRoutes {
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
  void credentialThatFailsAChecksIsAnsweredWithTheReport() throws Exception {
    JsonObject report = verify("eyJhbGciOiJub25lIn0.e30.");
    assertThat(report.getBoolean("verified")).isFalse();
    assertThat(report.getJsonArray("errors")).isNotEmpty();
    assertThat(check(report, "header").getString("reason")).contains("none");
  }
}
