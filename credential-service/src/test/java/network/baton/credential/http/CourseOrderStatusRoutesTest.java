package network.baton.credential.http;

import static network.baton.credential.service.ServiceFixture.HOLDER;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.concurrent.TimeUnit;
import network.baton.credential.service.FixtureCourses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 13 over HTTP: a course order gets one revocation entry (a single {@code credentialStatus}
 * object) unless {@code options.credentialStatus} asks for suspension too; an order for no entry is
 * 400; a caller's own VC 2.0 credential keeps its behaviour (entries only when asked).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CourseOrderStatusRoutesTest {

  @RegisterExtension final VcApiNode node = VcApiNode.open();

  private HttpResponse<Buffer> order(Object credentialStatus) throws Exception {
    JsonObject body =
        CredentialRoutes.issueRequest(HOLDER, FixtureCourses.COURSE, "eddsa-rdfc-2022");
    if (credentialStatus != null) {
      body.getJsonObject("options").put("credentialStatus", credentialStatus);
    }
    return node.post("/credentials/issue", body);
  }

  private JsonObject issued(Object credentialStatus) throws Exception {
    HttpResponse<Buffer> response = order(credentialStatus);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    return response.bodyAsJsonObject();
  }

  private HttpResponse<Buffer> setStatus(String id, String status) throws Exception {
    return node.post(
        "/credentials/status",
        new JsonObject()
            .put("credentialId", id)
            .put("credentialStatus", new JsonArray().add(new JsonObject().put("status", status))));
  }

  @Test
  void aCourseOrderGetsOneRevocationEntryAndSuspendingItIs409() throws Exception {
    JsonObject issued = issued(null);
    JsonObject vc = issued.getJsonObject("verifiableCredential");

    assertThat(vc.getValue("credentialStatus")).isInstanceOf(JsonObject.class);
    assertThat(vc.getJsonObject("credentialStatus").getString("statusPurpose"))
        .isEqualTo("revocation");
    HttpResponse<Buffer> verified = node.verify(vc);
    assertThat(verified.statusCode()).as(verified.bodyAsString()).isEqualTo(200);
    assertThat(VcApiNode.check(verified.bodyAsJsonObject(), "schema").getBoolean("passed"))
        .isTrue();

    HttpResponse<Buffer> suspend = setStatus(issued.getString("credentialId"), "suspended");
    assertThat(suspend.statusCode()).as(suspend.bodyAsString()).isEqualTo(409);
    assertThat(suspend.getHeader("Content-Type")).isEqualTo("application/problem+json");
    assertThat(suspend.bodyAsJsonObject().getString("detail"))
        .contains("no suspension status entry");
    assertThat(setStatus(issued.getString("credentialId"), "revoked").statusCode()).isEqualTo(200);
    assertThat(node.verify(vc).statusCode()).isEqualTo(400);
  }

  @Test
  void anOrderNamingBothPurposesGetsTwoEntriesAndCanBeSuspended() throws Exception {
    JsonObject issued = issued(new JsonArray().add("revocation").add("suspension"));
    JsonObject vc = issued.getJsonObject("verifiableCredential");

    JsonArray entries = vc.getJsonArray("credentialStatus");
    assertThat(entries).hasSize(2);
    assertThat(entries.getJsonObject(0).getString("statusPurpose")).isEqualTo("revocation");
    assertThat(entries.getJsonObject(1).getString("statusPurpose")).isEqualTo("suspension");
    assertThat(node.verify(vc).statusCode()).isEqualTo(200);

    HttpResponse<Buffer> suspend = setStatus(issued.getString("credentialId"), "suspended");
    assertThat(suspend.statusCode()).as(suspend.bodyAsString()).isEqualTo(200);
    HttpResponse<Buffer> after = node.verify(vc);
    assertThat(after.statusCode()).isEqualTo(400);
    assertThat(VcApiNode.check(after.bodyAsJsonObject(), "status").getString("reason"))
        .contains("suspended");
  }

  @Test
  void anOrderForNoStatusEntryOrAnUnknownPurposeIs400() throws Exception {
    for (Object none : new Object[] {false, new JsonArray()}) {
      HttpResponse<Buffer> refused = order(none);
      assertThat(refused.statusCode()).as(refused.bodyAsString()).isEqualTo(400);
      assertThat(refused.getHeader("Content-Type")).isEqualTo("application/problem+json");
      assertThat(refused.bodyAsJsonObject().getString("detail"))
          .contains("options.credentialStatus", "always carries a status entry");
    }
    HttpResponse<Buffer> unknown = order("refresh");
    assertThat(unknown.statusCode()).as(unknown.bodyAsString()).isEqualTo(400);
    assertThat(unknown.bodyAsJsonObject().getString("detail"))
        .contains("options.credentialStatus", "'refresh'");
    assertThat(node.service.issuance().issued()).isEmpty();
  }

  @Test
  void aCallersOwnCredentialStillGetsEntriesOnlyWhenAsked() throws Exception {
    JsonObject credential =
        new JsonObject()
            .put("@context", new JsonArray().add("https://www.w3.org/ns/credentials/v2"))
            .put("type", new JsonArray().add("VerifiableCredential"))
            .put("credentialSubject", new JsonObject().put("id", HOLDER));
    JsonObject options = new JsonObject().put("format", "eddsa-rdfc-2022");

    JsonObject plain = node.issued(credential.copy(), options.copy());
    JsonObject both = node.issued(credential.copy(), options.copy().put("credentialStatus", true));

    assertThat(plain.getJsonObject("verifiableCredential").containsKey("credentialStatus"))
        .isFalse();
    assertThat(both.getJsonObject("verifiableCredential").getJsonArray("credentialStatus"))
        .hasSize(2);
  }
}
