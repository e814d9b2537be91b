package network.baton.credential.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.handler.BodyHandler;
import network.baton.credential.keys.NodeKeys;
import network.baton.credential.service.FreshServices;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The credential routes of one node on a loopback port, with the node's problem handler, as a VC
 * API client that knows nothing of BATON sees them: a JUnit extension that starts a fresh node over
 * a temp store before each test and stops it after ({@code @RegisterExtension final VcApiNode node
 * = VcApiNode.open();}).
 */
final class VcApiNode implements BeforeEachCallback, AfterEachCallback {
  private final Handler<RoutingContext> admin;
  private final int maxBodyBytes;
  final FreshServices service = new FreshServices();
  final NodeKeys keys = service.keys;
  private Vertx vertx;
  private RoutesServer server;

  private VcApiNode(Handler<RoutingContext> admin, int maxBodyBytes) {
    this.admin = admin;
    this.maxBodyBytes = maxBodyBytes;
  }

  /** Admin routes open (the token is not the subject), the default body limit. */
  static VcApiNode open() {
    return new VcApiNode(RoutingContext::next, CredentialRoutes.DEFAULT_MAX_BODY_BYTES);
  }

  /** Admin routes behind this check, credential routes limited to this many body bytes. */
  static VcApiNode guarded(Handler<RoutingContext> admin, int maxBodyBytes) {
    return new VcApiNode(admin, maxBodyBytes);
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    vertx = Vertx.vertx();
    service.beforeEach(context);
    server =
        RoutesServer.start(
            vertx,
            "vc-api-test",
            worker ->
                new CredentialRoutes(
                    service.issuance(),
                    service.verification(),
                    worker,
                    admin,
                    BodyHandler.create(false).setBodyLimit(2 * 1024 * 1024),
                    maxBodyBytes),
            ProblemHandler.create());
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    try {
      server.close();
      await(vertx.close());
    } finally {
      service.afterEach(context);
    }
  }

  HttpResponse<Buffer> post(String path, JsonObject body) throws Exception {
    return post(path, body.encode(), null);
  }

  /** A JSON {@code POST}, with {@code Authorization: Bearer token} unless the token is null. */
  HttpResponse<Buffer> post(String path, String body, String token) throws Exception {
    HttpRequest<Buffer> request = server.post(path);
    if (token != null) request.putHeader("Authorization", "Bearer " + token);
    request.putHeader("Content-Type", "application/json");
    return await(request.sendBuffer(Buffer.buffer(body)));
  }

  /** A {@code GET} to add headers to before sending. */
  HttpRequest<Buffer> get(String path) {
    return server.get(path);
  }

  /** A plain {@code GET}, sent. */
  HttpResponse<Buffer> fetch(String path) throws Exception {
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
}
