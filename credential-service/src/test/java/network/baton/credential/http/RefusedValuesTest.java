package network.baton.credential.http;

import static network.baton.credential.service.ServiceFixture.HOLDER;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import network.baton.credential.service.FixtureCourses;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A refused value is named in the problem detail shortened (on one line, at most 160 characters,
 * "..." where cut): a client cannot make an answer, or the log line that records it, as long as
 * what it sent, nor break it into lines.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RefusedValuesTest {
  private static final String LONG = "x".repeat(200_000);
  private static final String SHOWN = "'" + "x".repeat(160) + "...'";

  // Every request here is refused before anything is written: one node serves the class.
  @TempDir static Path dir;
  private static VcApiNode node;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    node = new VcApiNode(vertx, dir);
  }

  @AfterAll
  static void stop() throws Exception {
    node.close();
  }

  private static JsonObject order() {
    return CredentialRoutes.issueRequest(HOLDER, FixtureCourses.COURSE, "vc+jwt");
  }

  private static String refused(HttpResponse<Buffer> response) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(400);
    assertThat(response.getHeader("Content-Type")).startsWith("application/problem+json");
    String detail = response.bodyAsJsonObject().getString("detail");
    assertThat(detail).hasSizeLessThan(400).doesNotContain("\n");
    return detail;
  }

  @Test
  void aLongRefusedStatusPurposeComesBackShortened() throws Exception {
    JsonObject body = order();
    body.getJsonObject("options").put("credentialStatus", LONG);

    assertThat(refused(node.post("/credentials/issue", body)))
        .isEqualTo(
            "options.credentialStatus: statusPurpose must be 'revocation' or 'suspension', not "
                + SHOWN);
  }

  @Test
  void aRefusedStatusPurposeComesBackOnOneLine() throws Exception {
    JsonObject body = order();
    body.getJsonObject("options")
        .put("credentialStatus", new JsonArray().add("revocation\nINFO forged log line"));

    assertThat(refused(node.post("/credentials/issue", body)))
        .endsWith("not 'revocation?INFO forged log line'");
  }

  @Test
  void aLongRefusedFormatComesBackShortened() throws Exception {
    JsonObject body = order();
    body.getJsonObject("options").put("format", LONG);

    assertThat(refused(node.post("/credentials/issue", body)))
        .isEqualTo(
            "options.format: format must be 'vc+jwt', 'eddsa-rdfc-2022' or 'dc+sd-jwt', not "
                + SHOWN);
  }

  @Test
  void aLongRefusedDateComesBackShortened() throws Exception {
    JsonObject body = order();
    body.getJsonObject("credential").put("validFrom", LONG);

    assertThat(refused(node.post("/credentials/issue", body))).endsWith("not " + SHOWN);
  }

  @Test
  void aLongRefusedStatusChangeComesBackShortened() throws Exception {
    JsonObject body =
        new JsonObject()
            .put("credentialId", "urn:uuid:0")
            .put("credentialStatus", new JsonArray().add(new JsonObject().put("status", LONG)));

    assertThat(refused(node.post("/credentials/status", body)))
        .isEqualTo("status must be 'revoked', 'suspended' or 'unsuspended', not " + SHOWN);
  }

  @Test
  void aLongUnknownCredentialIdComesBackShortened() throws Exception {
    JsonObject body =
        new JsonObject()
            .put("credentialId", LONG)
            .put(
                "credentialStatus", new JsonArray().add(new JsonObject().put("status", "revoked")));

    HttpResponse<Buffer> response = node.post("/credentials/status", body);

    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(404);
    assertThat(response.bodyAsJsonObject().getString("detail"))
        .isEqualTo("this node issued no credential " + "x".repeat(160) + "...");
  }
}
