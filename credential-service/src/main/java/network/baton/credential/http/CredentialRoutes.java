package network.baton.credential.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import network.baton.credential.issue.VcContexts;
import network.baton.credential.service.CredentialFormat;
import network.baton.credential.service.CredentialOrder;
import network.baton.credential.service.CredentialService;
import network.baton.credential.service.SecuredCredential;
import network.baton.credential.service.StatusAction;
import network.baton.credential.service.StatusChange;
import network.baton.credential.verify.VerificationReport;
import network.baton.vocab.InputLimitException;
import network.baton.vocab.JsonLimits;
import network.baton.vocab.NotUtf8Exception;
import network.baton.vocab.StrictUtf8;

/**
 * The credential endpoints, with the request and response shapes of the W3C VC API:
 *
 * <ul>
 *   <li>{@code POST /credentials/issue} (admin): {@code {credential: {credentialSubject: {id,
 *       achievement: {id}}, validFrom?, validUntil?}, options: {format?: "vc+jwt" |
 *       "eddsa-rdfc-2022"}}} -> 201 {@code {verifiableCredential, credentialId}}; a vc+jwt is
 *       returned as an EnvelopedVerifiableCredential.
 *   <li>{@code POST /credentials/verify}: {@code {verifiableCredential, options?}} -> 200 report.
 *   <li>{@code POST /challenges}: optional {@code {domain}} -> 200 {@code {challenge, domain,
 *       expires}}, a fresh nonce this node remembers (single use, five minutes; the domain defaults
 *       to the node's base URL).
 *   <li>{@code POST /presentations/verify}: {@code {verifiablePresentation, options: {challenge,
 *       domain?}}} -> 200 report; the presentation is a vp+jwt (string or
 *       EnvelopedVerifiablePresentation) or JSON-LD with an eddsa-rdfc-2022 proof, and the
 *       challenge must be one this node issued, unexpired and unused (it is used up by the call).
 *   <li>{@code POST /credentials/status} (admin): {@code {credentialId, credentialStatus: [{type?,
 *       status: "revoked" | "suspended" | "unsuspended"}]}} -> 200 {@code {credentialId, status,
 *       changed}}.
 *   <li>{@code GET /status/{list}} -> 200 the signed status list credential: {@code
 *       application/vc+jwt} by default, JSON-LD with an eddsa-rdfc-2022 proof ({@code
 *       application/vc}) when the Accept header asks for JSON.
 * </ul>
 *
 * <p>A credential or presentation that fails a check is answered 200 with the report ({@code
 * verified: false}, each check with its reason): the request itself was fine. Requests that are
 * wrong fail with an {@link Problem}: 400 malformed JSON, a body that is not UTF-8 or nests deeper
 * than the limit, missing/ill-typed members, 404 unknown credential or list, 409 status change on a
 * revoked credential, 413 body over the size limit or over the JSON shape limits ({@link
 * JsonLimits}), 422 unknown course, unknown skill or otherwise unusable request. Parsing, signing
 * and file work run on the given worker executor, never on the event loop.
 */
public final class CredentialRoutes {
  /** The default largest request body, 1 MiB (a JWS over 1 MiB is refused by the verifier too). */
  public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

  private static final String JSON = "application/json";
  private static final CredentialProblems PROBLEMS = new CredentialProblems();
  private static final Set<String> JSON_LD_TYPES =
      Set.of("application/vc", "application/vc+ld+json", "application/ld+json", "application/json");

  private final CredentialService service;
  private final WorkerExecutor worker;
  private final Handler<RoutingContext> admin;
  private final Handler<RoutingContext> body;
  private final Handler<RoutingContext> share;
  private final int maxBodyBytes;
  private final JsonLimits limits;
  private final ObjectMapper json =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  /**
   * Routes over the service; {@code admin} guards issue and status (the node's bearer-token check),
   * {@code body} is the node's size-limited BodyHandler, and bodies over {@code maxBodyBytes} are
   * refused with 413.
   */
  public CredentialRoutes(
      CredentialService service,
      WorkerExecutor worker,
      Handler<RoutingContext> admin,
      Handler<RoutingContext> body,
      int maxBodyBytes) {
    this(service, worker, admin, body, null, maxBodyBytes);
  }

  /**
   * Routes as above whose POST requests first pass {@code share} (the node's per-client limit on
   * credential work, a platform handler so it runs before the body is read; null: none).
   */
  public CredentialRoutes(
      CredentialService service,
      WorkerExecutor worker,
      Handler<RoutingContext> admin,
      Handler<RoutingContext> body,
      Handler<RoutingContext> share,
      int maxBodyBytes) {
    this(service, worker, admin, body, share, maxBodyBytes, JsonLimits.defaults());
  }

  /**
   * Routes as above whose JSON bodies are refused, before they are parsed, when their shape is over
   * {@code limits} (nesting, values, members of an object, elements of an array).
   */
  public CredentialRoutes(
      CredentialService service,
      WorkerExecutor worker,
      Handler<RoutingContext> admin,
      Handler<RoutingContext> body,
      Handler<RoutingContext> share,
      int maxBodyBytes,
      JsonLimits limits) {
    this.limits = requireNonNull(limits, "limits");
    this.service = requireNonNull(service, "service");
    this.worker = requireNonNull(worker, "worker");
    this.admin = requireNonNull(admin, "admin");
    this.body = requireNonNull(body, "body");
    if (share != null && !(share instanceof PlatformHandler)) {
      throw new IllegalArgumentException("share must be a platform handler (it runs first)");
    }
    this.share = share;
    if (maxBodyBytes < 1) throw new IllegalArgumentException("body limit must be positive");
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * The body of {@code POST /credentials/issue} asking for a credential of the achievement (a
   * course or programme IRI) for the holder's DID, in format ({@code vc+jwt} or {@code
   * eddsa-rdfc-2022}): the smallest request the route accepts, for its clients.
   */
  public static JsonObject issueRequest(String holderDid, String achievementId, String format) {
    return new JsonObject()
        .put(
            "credential",
            new JsonObject()
                .put(
                    "credentialSubject",
                    new JsonObject()
                        .put("id", holderDid)
                        .put("achievement", new JsonObject().put("id", achievementId))))
        .put("options", new JsonObject().put("format", format));
  }

  /** Mounts the credential routes with the default body limit. */
  public static void mount(
      Router router,
      CredentialService service,
      WorkerExecutor worker,
      Handler<RoutingContext> admin,
      Handler<RoutingContext> body) {
    new CredentialRoutes(service, worker, admin, body, DEFAULT_MAX_BODY_BYTES).mount(router);
  }

  /** Adds the routes to the router. */
  public void mount(Router router) {
    guarded(router.post("/credentials/issue")).handler(this::issue);
    shared(router.post("/credentials/verify")).handler(body).handler(this::verify);
    shared(router.post("/presentations/verify")).handler(body).handler(this::verifyPresentation);
    shared(router.post("/challenges")).handler(body).handler(this::challenge);
    guarded(router.post("/credentials/status")).handler(this::status);
    router.get("/status/:list").handler(this::statusList);
  }

  // A platform handler (the node's token check) must come before the BodyHandler, a plain one
  // after it (Vert.x enforces the order); either way anonymous requests are refused.
  private Route guarded(Route route) {
    return admin instanceof PlatformHandler
        ? shared(route).handler(admin).handler(body)
        : shared(route).handler(body).handler(admin);
  }

  private Route shared(Route route) {
    return share == null ? route : route.handler(share);
  }

  private void issue(RoutingContext rc) {
    Buffer buffer = rc.body().buffer();
    blocking(() -> issued(service.issue(order(object(buffer)))))
        .onSuccess(result -> reply(rc, 201, result))
        .onFailure(rc::fail);
  }

  private void verify(RoutingContext rc) {
    Buffer buffer = rc.body().buffer();
    blocking(() -> verifyCredential(service, object(buffer)))
        .onSuccess(report -> reply(rc, 200, ReportJson.of(report)))
        .onFailure(rc::fail);
  }

  private void verifyPresentation(RoutingContext rc) {
    Buffer buffer = rc.body().buffer();
    blocking(() -> verifyPresentation(service, object(buffer)))
        .onSuccess(report -> reply(rc, 200, ReportJson.of(report)))
        .onFailure(rc::fail);
  }

  // Public and cheap (32 random bytes, no disk): the service keeps a bounded number outstanding.
  private void challenge(RoutingContext rc) {
    Buffer buffer = rc.body().buffer();
    blocking(() -> service.newChallenge(challengeDomain(buffer)))
        .onSuccess(
            challenge -> {
              rc.response().putHeader("Cache-Control", "no-store");
              reply(
                  rc,
                  200,
                  new JsonObject()
                      .put("challenge", challenge.value())
                      .put("domain", challenge.domain())
                      .put("expires", challenge.expires().toString()));
            })
        .onFailure(rc::fail);
  }

  private String challengeDomain(Buffer buffer) {
    if (buffer == null || buffer.length() == 0) return null;
    JsonNode domain = object(buffer).get("domain");
    if (domain == null || domain.isNull()) return null;
    if (!domain.isTextual() || domain.asText().isBlank() || domain.asText().length() > 2048) {
      throw missing("domain", "a non-empty string (your DID or URL) of at most 2048 characters");
    }
    return domain.asText();
  }

  private void status(RoutingContext rc) {
    Buffer buffer = rc.body().buffer();
    blocking(() -> changeStatus(object(buffer)))
        .onSuccess(change -> reply(rc, 200, change))
        .onFailure(rc::fail);
  }

  // vc+jwt unless the client asks for JSON-LD (application/vc, vc+ld+json, ld+json or json):
  // then the list with an eddsa-rdfc-2022 proof.
  private void statusList(RoutingContext rc) {
    String list = rc.pathParam("list");
    boolean jsonLd =
        rc.parsedHeaders().accept().stream()
            .map(h -> h.value().toLowerCase(Locale.ROOT))
            .anyMatch(JSON_LD_TYPES::contains);
    CredentialFormat format = jsonLd ? CredentialFormat.DATA_INTEGRITY : CredentialFormat.JWT;
    blocking(() -> service.statusList(list, format))
        .onSuccess(
            signed ->
                rc.response()
                    .putHeader("Content-Type", jsonLd ? "application/vc" : "application/vc+jwt")
                    .putHeader("Cache-Control", "no-cache")
                    .putHeader("Vary", "Accept")
                    .end(signed))
        .onFailure(rc::fail);
  }

  private <T> Future<T> blocking(Callable<T> work) {
    return worker
        .executeBlocking(work, false)
        .recover(failure -> Future.failedFuture(problem(failure)));
  }

  private JsonNode object(Buffer buffer) {
    if (buffer == null || buffer.length() == 0) throw Problem.badRequest("the request has no body");
    if (buffer.length() > maxBodyBytes) {
      throw new Problem(
          "payload-too-large",
          413,
          "Payload too large",
          "the body has " + buffer.length() + " bytes, more than the limit of " + maxBodyBytes);
    }
    byte[] bytes = buffer.getBytes();
    // Strict UTF-8 first (the problem names the byte), then the shape, before any tree is built
    // or a JSON-LD credential is expanded.
    StrictUtf8.decode(bytes);
    limits.check(bytes);
    JsonNode node;
    try {
      node = json.readTree(bytes);
    } catch (JsonProcessingException e) {
      JsonObject where = new JsonObject();
      if (e.getLocation() != null) {
        where.put("line", e.getLocation().getLineNr()).put("column", e.getLocation().getColumnNr());
      }
      throw new Problem(
          "malformed-json",
          400,
          "Malformed JSON",
          "the body is not valid JSON: " + e.getOriginalMessage(),
          where);
    } catch (IOException e) {
      throw Problem.badRequest("the body cannot be read: " + e.getMessage());
    }
    if (node == null || !node.isObject())
      throw Problem.badRequest("the body must be a JSON object");
    return node;
  }

  private static CredentialOrder order(JsonNode request) {
    JsonNode credential = member(request, "credential", "credential", "an object");
    if (!credential.isObject()) throw missing("credential", "an object");
    JsonNode subject =
        member(credential, "credentialSubject", "credential.credentialSubject", "an object");
    if (!subject.isObject()) throw missing("credential.credentialSubject", "an object");
    String holder = text(subject, "id", "credential.credentialSubject.id");
    JsonNode achievement =
        member(
            subject,
            "achievement",
            "credential.credentialSubject.achievement",
            "an object with an id");
    String course =
        achievement.isTextual()
            ? achievement.asText()
            : text(achievement, "id", "credential.credentialSubject.achievement.id");
    Instant validFrom = instant(credential, "validFrom");
    Instant validUntil = instant(credential, "validUntil");
    JsonNode format = request.path("options").path("format");
    CredentialFormat chosen;
    if (format.isMissingNode() || format.isNull()) {
      chosen = CredentialFormat.JWT;
    } else {
      try {
        chosen = CredentialFormat.parse(format.asText());
      } catch (IllegalArgumentException e) {
        throw Problem.badRequest("options.format: " + e.getMessage());
      }
    }
    return new CredentialOrder(holder, course, validFrom, validUntil, chosen);
  }

  /** A report in the VC API's response shape, as the verify routes answer it. */
  public static JsonObject reportJson(VerificationReport report) {
    return ReportJson.of(report);
  }

  private static JsonObject issued(SecuredCredential credential) {
    Object verifiable =
        credential.jwt() != null
            ? new JsonObject()
                .put("@context", VcContexts.CREDENTIALS_V2)
                .put("id", VcContexts.ENVELOPED_VC_PREFIX + credential.jwt())
                .put("type", "EnvelopedVerifiableCredential")
            : JsonTrees.toJsonObject(credential.document());
    return new JsonObject()
        .put("verifiableCredential", verifiable)
        .put("credentialId", credential.id())
        .put("format", credential.format().value());
  }

  /**
   * Verifies the credential of a {@code POST /credentials/verify} request body, checked as the
   * route checks it: for in-process callers (the node's verify page). Blocking; fails with a {@link
   * Problem} for a request of the wrong shape, or the service's exception (see {@link #problem}).
   */
  public static VerificationReport verifyCredential(CredentialService service, JsonNode request) {
    return service.verifyCredential(credentialInput(request));
  }

  private static JsonNode credentialInput(JsonNode request) {
    JsonNode credential =
        member(
            request,
            "verifiableCredential",
            "verifiableCredential",
            "a vc+jwt string or an object");
    if (!credential.isTextual() && !credential.isObject()) {
      throw missing("verifiableCredential", "a vc+jwt string or an object");
    }
    return credential;
  }

  /**
   * Verifies the presentation of a {@code POST /presentations/verify} request body, checked as the
   * route checks it (the challenge is used up): for in-process callers, as {@link
   * #verifyCredential}.
   */
  public static VerificationReport verifyPresentation(CredentialService service, JsonNode request) {
    JsonNode presentation =
        member(
            request,
            "verifiablePresentation",
            "verifiablePresentation",
            "a vp+jwt string or an object");
    if (!presentation.isTextual() && !presentation.isObject()) {
      throw missing("verifiablePresentation", "a vp+jwt string or an object");
    }
    JsonNode options =
        member(request, "options", "options", "an object with the challenge from POST /challenges");
    String challenge = text(options, "challenge", "options.challenge");
    JsonNode domain = options.get("domain");
    if (domain != null && !domain.isNull() && (!domain.isTextual() || domain.asText().isBlank())) {
      throw missing("options.domain", "a non-empty string");
    }
    return service.verifyIssuedChallenge(
        presentation, challenge, domain == null || domain.isNull() ? null : domain.asText());
  }

  private JsonObject changeStatus(JsonNode request) throws IOException {
    String id = text(request, "credentialId", "credentialId");
    JsonNode items =
        member(request, "credentialStatus", "credentialStatus", "a list of {type, status}");
    List<JsonNode> list = new ArrayList<>();
    if (items.isArray()) items.forEach(list::add);
    else if (items.isObject()) list.add(items);
    if (list.isEmpty()) throw missing("credentialStatus", "a non-empty list of {type, status}");
    List<StatusAction> actions = new ArrayList<>();
    for (JsonNode item : list) {
      JsonNode type = item.path("type");
      if (type.isTextual() && !"BitstringStatusListEntry".equals(type.asText())) {
        throw Problem.unprocessable(
            "unsupported-status-type",
            "credentialStatus type "
                + type.asText()
                + " is not supported (BitstringStatusListEntry)");
      }
      try {
        actions.add(StatusAction.parse(text(item, "status", "credentialStatus[].status")));
      } catch (IllegalArgumentException e) {
        throw Problem.badRequest(e.getMessage());
      }
    }
    StatusChange change = null;
    boolean changed = false;
    for (StatusAction action : actions) {
      change = service.setStatus(id, action);
      changed |= change.changed();
    }
    return new JsonObject()
        .put("credentialId", id)
        .put("status", change.record().state().value())
        .put("changed", changed);
  }

  private static JsonNode member(JsonNode node, String name, String path, String what) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) throw missing(path, what);
    return value;
  }

  private static String text(JsonNode node, String name, String path) {
    JsonNode value = node.get(name);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw missing(path, "a non-empty string");
    }
    return value.asText();
  }

  private static Instant instant(JsonNode credential, String name) {
    JsonNode value = credential.get(name);
    if (value == null || value.isNull()) return null;
    try {
      return OffsetDateTime.parse(value.asText()).toInstant();
    } catch (DateTimeParseException e) {
      throw Problem.badRequest(
          "credential."
              + name
              + " must be an XML Schema dateTime with a time zone, not '"
              + value.asText()
              + "'");
    }
  }

  private static Problem missing(String path, String what) {
    return new Problem(
        "invalid-request",
        400,
        "Invalid request",
        path + " is missing or not " + what,
        new JsonObject().put("member", path));
  }

  /** The HTTP problem for a failure of the service or of the request (else the failure itself). */
  public static Throwable problem(Throwable failure) {
    if (failure instanceof Problem) return failure;
    if (failure instanceof NotUtf8Exception e) return Problem.notUtf8(e);
    if (failure instanceof InputLimitException e) return Problem.overLimit(e);
    Problem mapped = PROBLEMS.toProblem(failure);
    return mapped != null ? mapped : failure;
  }

  private static void reply(RoutingContext rc, int status, JsonObject body) {
    rc.response().setStatusCode(status).putHeader("Content-Type", JSON).end(body.encode());
  }
}
