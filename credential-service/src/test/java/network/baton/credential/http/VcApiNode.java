package network.baton.credential.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.file.Path;
import network.baton.credential.keys.NodeKeys;
import network.baton.credential.service.ServiceFixture;

/**
 * The credential routes of one node on a loopback port, with the node's problem handler, as a VC
 * API client that knows nothing of BATON sees them (admin routes open: the token is not the subject
 * here).
 */
final class VcApiNode implements AutoCloseable {
  final NodeKeys keys = ServiceFixture.keys();
  final ServiceFixture.Services service;
  private final RoutesServer server;

  VcApiNode(Vertx vertx, Path dir) throws Exception {
    service = ServiceFixture.open(dir, keys);
    server =
        RoutesServer.start(
            vertx,
            "vc-api-test",
            worker ->
                new CredentialRoutes(
                    service.issuance(),
                    service.verification(),
                    worker,
                    RoutingContext::next,
                    BodyHandler.create(false).setBodyLimit(2 * 1024 * 1024),
                    CredentialRoutes.DEFAULT_MAX_BODY_BYTES),
            ProblemHandler.create());
  }

  HttpResponse<Buffer> post(String path, JsonObject body) throws Exception {
    return await(
        server
            .post(path)
            .putHeader("Content-Type", "application/json")
            .sendBuffer(body.toBuffer()));
  }

  HttpResponse<Buffer> get(String path) throws Exception {
    return await(server.get(path).send());
  }

  /** {@code POST /credentials/issue} answered 201: the response body. */
  JsonObject issued(JsonObject credential, JsonObject options) throws Exception {
    HttpResponse<Buffer> response = issue(credential, options);
    if (response.statusCode() != 201) {
      throw new AssertionError(
          "issue answered " + response.statusCode() + ": " + response.bodyAsString());
    }
    return response.bodyAsJsonObject();
  }

  HttpResponse<Buffer> issue(JsonObject credential, JsonObject options) throws Exception {
    return post(
        "/credentials/issue",
        new JsonObject().put("credential", credential).put("options", options));
  }

  HttpResponse<Buffer> verify(Object verifiableCredential) throws Exception {
    return post(
        "/credentials/verify", new JsonObject().put("verifiableCredential", verifiableCredential));
  }

  String issuerDid() {
    return service.issuance().issuerDid();
  }

  static <T> T await(Future<T> future) throws Exception {
    return RoutesServer.await(future);
  }

  static JsonObject check(JsonObject report, String name) {
    for (Object each : report.getJsonArray("checks")) {
      JsonObject check = (JsonObject) each;
      if (check.getString("check").equals(name)) return check;
    }
    throw new AssertionError("no check " + name + " in " + report.encodePrettily());
  }

  @Override
  public void close() throws Exception {
    server.close();
    service.close();
  }
}
