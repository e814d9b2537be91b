package network.baton.credential.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import network.baton.credential.issue.VcContexts;
import network.baton.credential.sdjwt.SkillCredentialType;
import network.baton.credential.sdjwt.StatusListToken;
import network.baton.credential.service.CredentialFormat;
import network.baton.credential.service.IssuanceService;
import network.baton.credential.service.SecuredCredential;
import network.baton.credential.service.StatusAction;
import network.baton.credential.service.StatusChange;
import network.baton.credential.verify.VerificationReport;
import network.baton.credential.verify.VerificationService;
import network.baton.vocab.InputLimitException;
import network.baton.vocab.JsonLimits;
import network.baton.vocab.NotUtf8Exception;

/**
 * The credential endpoints, with the request and response shapes of the W3C VC API:
 *
 * <ul>
 *   <li>{@code POST /credentials/issue} (admin): {@code {credential: {credentialSubject: {id,
 *       achievement: {id}}, validFrom?, validUntil?}, options: {format?: "vc+jwt" |
 *       "eddsa-rdfc-2022" | "dc+sd-jwt"}}} -> 201 {@code {verifiableCredential, credentialId}}, an
 *       Open Badges credential of a course (with {@code dc+sd-jwt}: the BATON skill credential as
 *       an SD-JWT VC bound to the key of the subject's did:key or did:jwk, answered as the compact
 *       SD-JWT string); or {@code {credential, options: {format?, credentialStatus?,
 *       credentialId?}}} with the caller's own unsecured VC 2.0 credential (it names a {@code
 *       @context} or {@code type}), checked by {@link
 *       network.baton.credential.issue.CredentialConformance} (400 with every reason). A vc+jwt is
 *       returned as an EnvelopedVerifiableCredential.
 *   <li>{@code POST /credentials/verify}: {@code {verifiableCredential, options?}} -> 200 report
 *       when it verifies, 400 report when it does not (an SD-JWT VC as a string, its report
 *       listing the claims {@code disclosed}) (see {@link #credentialStatus}).
 *   <li>{@code POST /challenges}: optional {@code {domain}} -> 200 {@code {challenge, domain,
 *       expires}}, a fresh nonce this node remembers (single use, five minutes; the domain defaults
 *       to the node's base URL).
 *   <li>{@code POST /presentations/verify}: {@code {verifiablePresentation | presentation,
 *       options?: {challenge?, domain?, holderBinding?, issuedChallenge?}}} -> 200 report, verified
 *       or not; the presentation is a vp+jwt (string or EnvelopedVerifiablePresentation), an SD-JWT
 *       VC with a key binding JWT (string; its nonce and aud the challenge and domain), JSON-LD
 *       with an eddsa-rdfc-2022 proof, or without a proof when nothing is asked of it ({@link
 *       network.baton.credential.verify.PresentationOptions}).
 *   <li>{@code POST /credentials/status} (admin): {@code {credentialId, credentialStatus: [{type?,
 *       status: "revoked" | "suspended" | "unsuspended"}]}} -> 200 {@code {credentialId, status,
 *       changed}}.
 *   <li>{@code GET /status/{list}} -> 200 the signed status list credential: {@code
 *       application/vc+jwt} by default, JSON-LD with an eddsa-rdfc-2022 proof ({@code
 *       application/vc}) when the Accept header asks for JSON.
 *   <li>{@code GET /statuslists/token/{list}} -> 200 the Token Status List of SD-JWT VCs as a
 *       signed status list token ({@code application/statuslist+jwt}); 404 for a list not in use.
 *   <li>{@code GET /vct/skill-credential} -> 200 the SD-JWT VC type metadata of the skill
 *       credential (ja/en display names, claim metadata).
 * </ul>
 *
 * <p>A credential that fails a check is answered 400 with the report, a presentation 200 with it
 * ({@code verified: false}, each check with its reason), as the VC API verifier's OpenAPI has
 * them. Requests that are
 * wrong fail with a {@link Problem}: 400 malformed JSON, a body that is not UTF-8 or nests deeper
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

  private final IssuanceService issuance;
  private final VerificationService verification;
  private final WorkerExecutor worker;
  private final Handler<RoutingContext> admin;
  private final Handler<RoutingContext> body;
  private final Handler<RoutingContext> share;
  private final CredentialRequests requests;

  /**
   * Routes over the two services (issue, status and status lists call {@code issuance}; verify and
   * challenges call {@code verification}); {@code admin} guards issue and status (the node's
   * bearer-token check), {@code body} is the node's size-limited BodyHandler, and bodies over
   * {@code maxBodyBytes} are refused with 413.
   */
  public CredentialRoutes(
      IssuanceService issuance,
      VerificationService verification,
      WorkerExecutor worker,
      Handler<RoutingContext> admin,
      Handler<RoutingContext> body,
      int maxBodyBytes) {
    this(issuance, verification, worker, admin, body, null, maxBodyBytes, JsonLimits.defaults());
  }

  /**
   * Routes as above whose POST requests first pass {@code share} (the node's per-client limit on
   * credential work, a platform handler so it runs before the body is read; null: none), and whose
   * JSON bodies are refused, before they are parsed, when their shape is over {@code limits}
   * (nesting, values, members of an object, elements of an array).
   */
  public CredentialRoutes(
      IssuanceService issuance,
      VerificationService verification,
      WorkerExecutor worker,
      Handler<RoutingContext> admin,
      Handler<RoutingContext> body,
      Handler<RoutingContext> share,
      int maxBodyBytes,
      JsonLimits limits) {
    this.issuance = requireNonNull(issuance, "issuance");
    this.verification = requireNonNull(verification, "verification");
    this.worker = requireNonNull(worker, "worker");
    this.admin = requireNonNull(admin, "admin");
    this.body = requireNonNull(body, "body");
    if (share != null && !(share instanceof PlatformHandler)) {
      throw new IllegalArgumentException("share must be a platform handler (it runs first)");
    }
    this.share = share;
    this.requests = new CredentialRequests(maxBodyBytes, limits);
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

  /** Adds the routes to the router. */
  public void mount(Router router) {
    guarded(router.post("/credentials/issue")).handler(this::issue);
    shared(router.post("/credentials/verify")).handler(body).handler(this::verify);
    shared(router.post("/presentations/verify")).handler(body).handler(this::verifyPresentation);
    shared(router.post("/challenges")).handler(body).handler(this::challenge);
    guarded(router.post("/credentials/status")).handler(this::status);
    router.get("/status/:list").handler(this::statusList);
    router.get("/statuslists/token/:list").handler(this::statusListToken);
    router.get(SkillCredentialType.PATH).handler(this::skillCredentialType);
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
    blocking(() -> issued(issue(requests.object(buffer))))
        .onSuccess(result -> reply(rc, 201, result))
        .onFailure(rc::fail);
  }

  private void verify(RoutingContext rc) {
    Buffer buffer = rc.body().buffer();
    blocking(() -> verifyCredential(verification, requests.object(buffer)))
        .onSuccess(report -> reply(rc, credentialStatus(report), ReportJson.of(report)))
        .onFailure(rc::fail);
  }

  // POST /presentations/verify in the same OpenAPI: "A 200 status indicates the verification
  // process itself succeeded, regardless of whether the presentation and/or credentials were
  // determined to be valid or invalid", and 400 is "Invalid or malformed input that prevented the
  // verification process from being performed ... rather than verification failures". So a
  // presentation that does not verify is 200 with verified: false.
  private void verifyPresentation(RoutingContext rc) {
    Buffer buffer = rc.body().buffer();
    blocking(() -> verifyPresentation(verification, requests.object(buffer)))
        .onSuccess(report -> reply(rc, 200, ReportJson.of(report)))
        .onFailure(rc::fail);
  }

  // The VC API verifier's OpenAPI (verifier.yml, POST /credentials/verify) gives two answers:
  // "200: Verifiable Credential successfully verified!" and "400: invalid input!". A credential
  // that does not verify is therefore 400, with the full report (verified: false) as the body;
  // input that is not a credential at all is 400 too, as application/problem+json.
  private static int credentialStatus(VerificationReport report) {
    return report.ok() ? 200 : 400;
  }

  // Public and cheap (32 random bytes, no disk): the service keeps a bounded number outstanding.
  private void challenge(RoutingContext rc) {
    Buffer buffer = rc.body().buffer();
    blocking(() -> verification.newChallenge(requests.challengeDomain(buffer)))
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

  private void status(RoutingContext rc) {
    Buffer buffer = rc.body().buffer();
    blocking(() -> changeStatus(CredentialRequests.status(requests.object(buffer))))
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
    blocking(() -> issuance.statusList(list, format))
        .onSuccess(
            signed ->
                rc.response()
                    .putHeader("Content-Type", jsonLd ? "application/vc" : "application/vc+jwt")
                    .putHeader("Cache-Control", "no-cache")
                    .putHeader("Vary", "Accept")
                    .end(signed))
        .onFailure(rc::fail);
  }

  // The Token Status List of SD-JWT VCs, as a signed statuslist+jwt (signed again after a change).
  private void statusListToken(RoutingContext rc) {
    String list = rc.pathParam("list");
    blocking(() -> issuance.statusListToken(list))
        .onSuccess(
            token ->
                rc.response()
                    .putHeader("Content-Type", StatusListToken.MEDIA_TYPE)
                    .putHeader("Cache-Control", "no-cache")
                    .end(token))
        .onFailure(rc::fail);
  }

  // The SD-JWT VC type metadata of the skill credential, at its vct.
  private void skillCredentialType(RoutingContext rc) {
    rc.response()
        .putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "max-age=3600")
        .end(SkillCredentialType.metadata(issuance.config().baseUrl()).toString());
  }

  private <T> Future<T> blocking(Callable<T> work) {
    return worker
        .executeBlocking(work, false)
        .recover(failure -> Future.failedFuture(problem(failure)));
  }

  private SecuredCredential issue(JsonNode request) throws IOException {
    return CredentialRequests.suppliesCredential(request)
        ? issuance.issue(CredentialRequests.supplied(request))
        : issuance.issue(CredentialRequests.order(request));
  }

  private static JsonObject issued(SecuredCredential credential) {
    // An SD-JWT VC is no VC Data Model document: it is answered as its compact form, a string.
    Object verifiable =
        credential.format() == CredentialFormat.SD_JWT_VC
            ? credential.jwt()
            : credential.jwt() != null
                ? new JsonObject()
                    .put("@context", new JsonArray().add(VcContexts.CREDENTIALS_V2))
                    .put("id", VcContexts.ENVELOPED_VC_PREFIX + credential.jwt())
                    .put("type", "EnvelopedVerifiableCredential")
                : JsonTrees.toJsonObject(credential.document());
    JsonObject answer = new JsonObject().put("verifiableCredential", verifiable);
    if (credential.id() != null) answer.put("credentialId", credential.id());
    return answer.put("format", credential.format().value());
  }

  private JsonObject changeStatus(CredentialRequests.StatusRequest request) throws IOException {
    StatusChange change = null;
    boolean changed = false;
    for (StatusAction action : request.actions()) {
      change = issuance.setStatus(request.credentialId(), action);
      changed |= change.changed();
    }
    return new JsonObject()
        .put("credentialId", request.credentialId())
        .put("status", change.record().state().value())
        .put("changed", changed);
  }

  /**
   * Verifies the credential of a {@code POST /credentials/verify} request body, checked as the
   * route checks it: for in-process callers (the node's verify page). Blocking; fails with a {@link
   * Problem} for a request of the wrong shape, or the service's exception (see {@link #problem}).
   */
  public static VerificationReport verifyCredential(
      VerificationService verification, JsonNode request) {
    return verification.verifyCredential(CredentialRequests.credentialInput(request));
  }

  /**
   * Verifies the presentation of a {@code POST /presentations/verify} request body, checked as the
   * route checks it (the challenge is used up): for in-process callers, as {@link
   * #verifyCredential}.
   */
  public static VerificationReport verifyPresentation(
      VerificationService verification, JsonNode request) {
    CredentialRequests.PresentationRequest presentation = CredentialRequests.presentation(request);
    return verification.verifyPresentation(presentation.presentation(), presentation.options());
  }

  /** A report in the VC API's response shape, as the verify routes answer it. */
  public static JsonObject reportJson(VerificationReport report) {
    return ReportJson.of(report);
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
