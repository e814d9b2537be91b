package network.baton.credential.http;

import static network.baton.credential.http.RoutesServer.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.handler.PlatformHandler;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import network.baton.credential.issue.HolderWallet;
import network.baton.credential.service.FixtureCourses;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The credential routes behind the admin token, with a 64 KiB body limit, and the requests their
 * tests send: issue a course credential to one holder, verify it, change its status.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
abstract class AdminGuardedRoutes {
  static final String TOKEN = "admin-secret";
  static final int ROUTE_LIMIT = 64 * 1024;

  @RegisterExtension final VcApiNode node = VcApiNode.guarded(new BearerCheck(), ROUTE_LIMIT);
  final HolderWallet holder = HolderWallet.generate(new SecureRandom());

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

  HttpResponse<Buffer> post(String path, String body, String token) throws Exception {
    return node.post(path, body, token);
  }

  HttpResponse<Buffer> get(String path) throws Exception {
    return await(node.get(path).send());
  }

  JsonObject issueRequest(String course, String format) {
    JsonObject request = CredentialRoutes.issueRequest(holder.did(), course, format);
    request.getJsonObject("credential").put("validFrom", "2026-04-01T00:00:00Z");
    return request;
  }

  JsonObject issue(String format) throws Exception {
    HttpResponse<Buffer> response =
        post("/credentials/issue", issueRequest(FixtureCourses.COURSE, format).encode(), TOKEN);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    return response.bodyAsJsonObject();
  }

  JsonObject verify(Object verifiableCredential) throws Exception {
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

  static String jwtOf(JsonObject issued) {
    return issued
        .getJsonObject("verifiableCredential")
        .getString("id")
        .substring("data:application/vc+jwt,".length());
  }

  JsonObject setStatus(String credentialId, String status) throws Exception {
    HttpResponse<Buffer> response =
        post("/credentials/status", statusBody(credentialId, status), TOKEN);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject();
  }

  static String statusBody(String credentialId, String status) {
    return new JsonObject()
        .put("credentialId", credentialId)
        .put(
            "credentialStatus",
            new JsonArray()
                .add(
                    new JsonObject().put("type", "BitstringStatusListEntry").put("status", status)))
        .encode();
  }
}
