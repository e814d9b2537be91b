package network.baton.node.openid4vci;

import static java.util.Objects.requireNonNull;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.PlatformHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import network.baton.credential.http.Problem;
import network.baton.credential.http.ProblemHandler;
import network.baton.vocab.JsonLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of issuance to wallets: the two metadata documents, the token, nonce and credential
 * endpoints (their refusals as OAuth JSON errors with {@code Cache-Control: no-store}, never a
 * problem: a wallet reads {@code error}), and the staff route {@code POST /admin/credential-offers}
 * (admin token; its refusals are problems, as every other admin route's).
 */
public final class Openid4vciRoutes {

  /** The staff route that makes offers. */
  public static final String OFFERS_PATH = "/admin/credential-offers";

  /** The largest token request read (a form of a few short parameters). */
  static final int TOKEN_BODY_LIMIT = 8 * 1024;

  /** The largest credential request read (one key proof). */
  static final int CREDENTIAL_BODY_LIMIT = 64 * 1024;

  private static final Logger log = LoggerFactory.getLogger(Openid4vciRoutes.class);
  private static final String JSON = "application/json";
  private static final String FORM = "application/x-www-form-urlencoded";

  private final OfferService offers;
  private final CredentialEndpoint credentials;
  private final String issuerMetadata;
  private final String authorizationServerMetadata;
  private final Handler<RoutingContext> admin;
  private final Handler<RoutingContext> body;
  private final Handler<RoutingContext> share;
  private final ProblemHandler problems;
  private final JsonLimits limits;

  /** Routes over the services; admin, body, share and problems are the node's. */
  public Openid4vciRoutes(
      OfferService offers,
      CredentialEndpoint credentials,
      JsonObject issuerMetadata,
      JsonObject authorizationServerMetadata,
      Handler<RoutingContext> admin,
      Handler<RoutingContext> body,
      Handler<RoutingContext> share,
      ProblemHandler problems,
      JsonLimits limits) {
    this.offers = requireNonNull(offers, "offers");
    this.credentials = requireNonNull(credentials, "credentials");
    this.issuerMetadata = issuerMetadata.encodePrettily();
    this.authorizationServerMetadata = authorizationServerMetadata.encodePrettily();
    this.admin = requireNonNull(admin, "admin");
    this.body = requireNonNull(body, "body");
    this.share = requireNonNull(share, "share");
    this.problems = requireNonNull(problems, "problems");
    this.limits = requireNonNull(limits, "limits");
  }

  /** Adds the routes. */
  public void mount(Router router) {
    router.get(IssuerMetadata.ISSUER_PATH).handler(rc -> metadata(rc, issuerMetadata));
    router
        .get(IssuerMetadata.AUTHORIZATION_SERVER_PATH)
        .handler(rc -> metadata(rc, authorizationServerMetadata));
    oauth(router.post(IssuerMetadata.TOKEN_PATH), TOKEN_BODY_LIMIT, "invalid_request")
        .handler(this::token);
    router
        .post(IssuerMetadata.NONCE_PATH)
        .handler(share)
        .handler(this::nonce)
        .failureHandler(rc -> oauthFailure(rc, "invalid_request"));
    oauth(
            router.post(IssuerMetadata.CREDENTIAL_PATH),
            CREDENTIAL_BODY_LIMIT,
            "invalid_credential_request")
        .handler(this::credential);
    // A platform handler (the node's token check) must come before the body handler, a plain one
    // after it; either way no anonymous request is read.
    Route offer = router.post(OFFERS_PATH).handler(share);
    (admin instanceof PlatformHandler
            ? offer.handler(admin).handler(body)
            : offer.handler(body).handler(admin))
        .handler(this::createOffer);
  }

  private Route oauth(Route route, int bodyLimit, String malformed) {
    return route
        .handler(share)
        .handler(BodyHandler.create(false).setBodyLimit(bodyLimit).setHandleFileUploads(false))
        .failureHandler(rc -> oauthFailure(rc, malformed));
  }

  private static void metadata(RoutingContext rc, String document) {
    rc.response()
        .putHeader("Content-Type", JSON)
        .putHeader("Cache-Control", "max-age=300")
        .end(document);
  }

  private void token(RoutingContext rc) {
    if (!mediaType(rc).equals(FORM)) {
      rc.fail(OAuthError.invalidRequest("a token request is " + FORM));
      return;
    }
    offers
        .redeem(TokenRequest.parse(rc.body().buffer()))
        .onSuccess(answer -> reply(rc, 200, answer))
        .onFailure(rc::fail);
  }

  private void nonce(RoutingContext rc) {
    credentials.nonce().onSuccess(answer -> reply(rc, 200, answer)).onFailure(rc::fail);
  }

  private void credential(RoutingContext rc) {
    String token = bearer(rc);
    if (token != null && !mediaType(rc).equals(JSON)) {
      rc.fail(OAuthError.invalidCredentialRequest("a credential request is " + JSON));
      return;
    }
    credentials
        .credential(token, rc.body().buffer())
        .onSuccess(answer -> reply(rc, 200, answer))
        .onFailure(rc::fail);
  }

  private void createOffer(RoutingContext rc) {
    if (!mediaType(rc).equals(JSON)) {
      rc.fail(new Problem("unsupported-media-type", 415, "Unsupported media type", "send " + JSON));
      return;
    }
    OfferService.OfferRequest request;
    try {
      request = offerRequest(rc);
    } catch (Problem e) {
      rc.fail(e);
      return;
    }
    offers
        .create(request)
        .onSuccess(
            offer ->
                rc.response()
                    .setStatusCode(201)
                    .putHeader("Content-Type", JSON)
                    .putHeader("Cache-Control", "no-store")
                    .end(offer.toJson().encodePrettily()))
        .onFailure(rc::fail);
  }

  private OfferService.OfferRequest offerRequest(RoutingContext rc) {
    byte[] bytes = rc.body().buffer() == null ? new byte[0] : rc.body().buffer().getBytes();
    JsonObject json;
    try {
      network.baton.vocab.StrictUtf8.decode(bytes);
      limits.check(bytes);
      json = new JsonObject(rc.body().buffer());
    } catch (RuntimeException e) {
      throw Problem.badRequest("the body must be a JSON object: " + e.getMessage());
    }
    Object course = json.getValue("course");
    if (!(course instanceof String text) || text.isBlank()) {
      throw Problem.badRequest("course (a course IRI or id on this node) is missing");
    }
    Object tx = json.getValue("txCode", false);
    if (!(tx instanceof Boolean txCode)) throw Problem.badRequest("txCode must be true or false");
    Object expires = json.getValue("expiresInSeconds");
    if (expires != null && !(expires instanceof Number)) {
      throw Problem.badRequest("expiresInSeconds must be a number");
    }
    Object ids = json.getValue("credentialConfigurationIds");
    List<String> configurations = new ArrayList<>();
    if (ids instanceof io.vertx.core.json.JsonArray array) {
      for (Object id : array) {
        if (!(id instanceof String s)) {
          throw Problem.badRequest("credentialConfigurationIds must be strings");
        }
        configurations.add(s);
      }
    } else if (ids != null) {
      throw Problem.badRequest("credentialConfigurationIds must be an array");
    }
    return new OfferService.OfferRequest(
        text.strip(),
        txCode,
        expires == null ? null : Duration.ofSeconds(((Number) expires).longValue()),
        configurations);
  }

  // RFC 6750 section 2.1: "Authorization: Bearer <token>", the scheme case-insensitive.
  private static String bearer(RoutingContext rc) {
    String header = rc.request().getHeader("Authorization");
    if (header == null) return null;
    String[] parts = header.strip().split("\\s+", 2);
    return parts.length == 2 && parts[0].equalsIgnoreCase("Bearer") ? parts[1] : null;
  }

  private static String mediaType(RoutingContext rc) {
    String type = rc.request().getHeader("Content-Type");
    return type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
  }

  private static void reply(RoutingContext rc, int status, JsonObject body) {
    rc.response()
        .setStatusCode(status)
        .putHeader("Content-Type", JSON)
        .putHeader("Cache-Control", "no-store")
        .putHeader("Pragma", "no-cache")
        .end(body.encode());
  }

  // Every failure of a wallet's endpoint is an OAuth error: the services' own, or one for what the
  // node's shared handlers refused (a body over the limit, a client over its share, a full queue).
  private void oauthFailure(RoutingContext rc, String malformed) {
    if (ProblemHandler.clientGone(rc) || rc.response().headWritten()) return;
    OAuthError error;
    java.util.Map<String, String> headers = java.util.Map.of();
    if (rc.failure() instanceof OAuthError e) {
      error = e;
    } else {
      Problem problem = problems.toProblem(rc);
      headers = problem.headers();
      if (problem.status() >= 500 && problem.status() != 503) {
        log.error("wallet endpoint failed [path: {}]", rc.request().path(), rc.failure());
        error = OAuthError.serverError();
      } else if (problem.status() == 503 || problem.status() == 429) {
        error = OAuthError.of("temporarily_unavailable", problem.status(), problem.getMessage());
      } else {
        error = OAuthError.of(malformed, problem.status(), problem.getMessage());
      }
    }
    if (error.status() < 500) {
      log.info(
          "wallet request refused [path: {}, error: {}, detail: {}]",
          rc.request().path(),
          error.error(),
          error.getMessage());
    }
    headers.forEach(rc.response()::putHeader);
    if (error.status() == 401) {
      // RFC 6750 section 3: no error code in the challenge when the request had no token at all.
      rc.response()
          .putHeader(
              "WWW-Authenticate",
              bearer(rc) == null
                  ? "Bearer realm=\"" + offers.issuer() + "\""
                  : "Bearer realm=\"" + offers.issuer() + "\", error=\"invalid_token\"");
    }
    reply(rc, error.status(), error.toJson());
  }
}
