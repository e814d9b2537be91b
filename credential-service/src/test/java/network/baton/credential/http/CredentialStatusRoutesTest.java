package network.baton.credential.http;

import static network.baton.credential.http.ReportChecks.check;
import static network.baton.credential.http.RoutesServer.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSObject;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import network.baton.credential.integrity.EddsaRdfc2022;
import network.baton.credential.service.FixtureCourses;
import network.baton.credential.service.ServiceFixture;
import network.baton.credential.service.StatusListCredentialVerifier;
import network.baton.credential.status.StatusList;
import network.baton.credential.status.StatusListCredential;
import org.junit.jupiter.api.Test;

/** {@code POST /credentials/status} and the status lists it changes, as a verifier sees them. */
class CredentialStatusRoutesTest extends AdminGuardedRoutes {
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
            did -> node.service.issuance().didDocument(),
            new EddsaRdfc2022(ServiceFixture.CONTEXTS.documentLoader()));
    JsonNode list = verifier.verify(response.bodyAsString());
    StatusListCredential credential =
        StatusListCredential.fromJson(list, StatusList.DEFAULT_MAX_SIZE);
    assertThat(credential.issuer()).isEqualTo(node.service.issuance().issuerDid());
    assertThat(credential.list().get(index)).isTrue();
    assertThat(credential.list().get(index + 1)).isFalse();

    HttpResponse<Buffer> jsonLd =
        await(node.get("/status/0-revocation").putHeader("Accept", "application/vc").send());
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
  void unknownCredentialIdOnStatusIsNotFound() throws Exception {
    HttpResponse<Buffer> response =
        post("/credentials/status", statusBody("urn:uuid:never-issued", "revoked"), TOKEN);
    assertThat(response.statusCode()).isEqualTo(404);
  }
}
