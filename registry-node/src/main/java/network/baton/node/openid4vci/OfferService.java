package network.baton.node.openid4vci;

import static java.util.Objects.requireNonNull;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import network.baton.credential.http.Problem;
import network.baton.credential.service.CatalogCourse;
import network.baton.credential.service.CourseCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Credential offers of the pre-authorized code flow: staff make one for a course of the node
 * ({@link #create}), the graduate's page shows it ({@link #view}), and the wallet redeems its code
 * at the token endpoint ({@link #redeem}) for an access token bound to it. An offer is redeemed at
 * most once and not after it expires; a transaction code, when asked for, is six digits sent to the
 * graduate by another channel, and {@link OfferSettings#maxWrongTxCodes} wrong ones void the offer.
 * Codes and tokens are 256 random bits; the node keeps only their SHA-256 (the transaction code's
 * hashed with the pre-authorized code, so the offers file alone does not give it away). Every
 * method runs its work on the given worker; failures are {@link OAuthError}s on the token path and
 * {@link Problem}s on the staff path.
 */
public final class OfferService {

  private static final Logger log = LoggerFactory.getLogger(OfferService.class);
  private static final int TX_CODE_LENGTH = 6;

  private final String issuer;
  private final OfferStore store;
  private final CourseCatalog courses;
  private final CredentialConfigurations configurations;
  private final AccessTokens tokens;
  private final OfferSettings settings;
  private final WorkerExecutor worker;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  /** Offers of {@code issuer} (the node's base URL) for courses of {@code courses}. */
  public OfferService(
      String issuer,
      OfferStore store,
      CourseCatalog courses,
      CredentialConfigurations configurations,
      AccessTokens tokens,
      OfferSettings settings,
      WorkerExecutor worker,
      Clock clock) {
    this.issuer = requireNonNull(issuer, "issuer");
    this.store = requireNonNull(store, "store");
    this.courses = requireNonNull(courses, "courses");
    this.configurations = requireNonNull(configurations, "configurations");
    this.tokens = requireNonNull(tokens, "tokens");
    this.settings = requireNonNull(settings, "settings");
    this.worker = requireNonNull(worker, "worker");
    this.clock = requireNonNull(clock, "clock");
  }

  /** What staff ask for: a course (its IRI or its id on this node), a transaction code or not. */
  public record OfferRequest(
      String course, boolean txCode, Duration lifetime, List<String> configurationIds) {
    public OfferRequest {
      requireNonNull(course, "course");
      configurationIds = configurationIds == null ? List.of() : List.copyOf(configurationIds);
    }
  }

  /** The credential issuer identifier the offers name. */
  public String issuer() {
    return issuer;
  }

  /** Makes an offer; fails with a 4xx {@link Problem} for an unknown course or a bad request. */
  public Future<NewOffer> create(OfferRequest request) {
    return worker.executeBlocking(() -> createNow(request), false);
  }

  private NewOffer createNow(OfferRequest request) {
    String iri =
        request.course().contains(":")
            ? request.course()
            : issuer + "/resources/" + request.course();
    CatalogCourse course =
        courses
            .find(iri)
            .orElseThrow(
                () ->
                    Problem.unprocessable(
                        "unknown-achievement",
                        "this node publishes no course or curriculum " + iri));
    Duration lifetime = request.lifetime() == null ? settings.offerLifetime() : request.lifetime();
    if (lifetime.isNegative()
        || lifetime.isZero()
        || lifetime.compareTo(settings.maxOfferLifetime()) > 0) {
      throw Problem.badRequest(
          "an offer lasts more than nothing and at most "
              + settings.maxOfferLifetime().toMinutes()
              + " minutes");
    }
    List<String> offered =
        request.configurationIds().isEmpty()
            ? configurations.all().stream().map(CredentialConfiguration::id).toList()
            : request.configurationIds();
    for (String id : offered) {
      if (configurations.find(id).isEmpty()) {
        throw Problem.badRequest(
            "unknown credential configuration "
                + id
                + "; the node offers "
                + configurations.all().stream().map(CredentialConfiguration::id).toList());
      }
    }
    String id = Hashes.random(random, 16);
    String code = Hashes.random(random, 32);
    String txCode = request.txCode() ? digits(TX_CODE_LENGTH) : null;
    Instant now = clock.instant();
    StoredOffer stored =
        new StoredOffer(
            id,
            Hashes.sha256(code),
            txCode == null ? null : txHash(code, txCode),
            course.iri(),
            course.name(),
            offered,
            now,
            now.plus(lifetime),
            0,
            null);
    try {
      store.add(stored, now);
    } catch (OfferStore.TooManyOffers e) {
      throw new Problem("too-many-offers", 409, "Too many open offers", e.getMessage());
    }
    JsonObject offer = offerObject(stored, code);
    log.info(
        "credential offer made [id: {}, course: {}, txCode: {}, expires: {}]",
        id,
        course.iri(),
        txCode != null,
        stored.expires());
    return new NewOffer(id, offer, link(offer), pageUrl(id, code), txCode, stored.expires());
  }

  /**
   * The page's view of the offer with this id, when {@code code} is its pre-authorized code (empty
   * otherwise: the page answers an unknown offer and a wrong code alike).
   */
  public Future<Optional<OfferView>> view(String id, String code) {
    return worker.executeBlocking(
        () -> {
          if (id == null || code == null) return Optional.<OfferView>empty();
          return store
              .byId(id)
              .filter(offer -> Hashes.same(offer.codeHash(), Hashes.sha256(code)))
              .map(
                  offer ->
                      new OfferView(
                          offer.courseName(),
                          link(offerObject(offer, code)),
                          offer.expires(),
                          offer.needsTxCode(),
                          offer.open(clock.instant())));
        },
        false);
  }

  /**
   * The token endpoint: redeems the offer's code for an access token, or fails as RFC 6749 has it.
   */
  public Future<JsonObject> redeem(TokenRequest request) {
    return worker.executeBlocking(() -> redeemNow(request), false);
  }

  private JsonObject redeemNow(TokenRequest request) {
    Instant now = clock.instant();
    StoredOffer offer =
        store
            .byCodeHash(Hashes.sha256(request.preAuthorizedCode()))
            .orElseThrow(() -> OAuthError.invalidGrant("the pre-authorized code is unknown"));
    if (!offer.open(now)) {
      throw OAuthError.invalidGrant("the pre-authorized code is used or has expired");
    }
    if (offer.needsTxCode() && request.txCode() == null) {
      throw OAuthError.invalidRequest("this offer needs its tx_code");
    }
    if (!offer.needsTxCode() && request.txCode() != null) {
      throw OAuthError.invalidRequest("this offer has no transaction code; send no tx_code");
    }
    boolean txOk =
        !offer.needsTxCode()
            || Hashes.same(
                offer.txCodeHash(), txHash(request.preAuthorizedCode(), request.txCode()));
    if (txOk && !tokens.hasRoom()) {
      throw OAuthError.temporarilyUnavailable("the issuer holds too many tokens; try again soon");
    }
    StoredOffer after =
        store.update(
            offer.id(),
            current -> {
              // Checked again under the store's lock: two requests with one code redeem it once.
              if (!current.open(now)) {
                throw OAuthError.invalidGrant("the pre-authorized code is used or has expired");
              }
              if (txOk) return current.redeemedAt(now);
              StoredOffer wrong = current.withWrongTxCode();
              return wrong.wrongTxCodes() >= settings.maxWrongTxCodes()
                  ? wrong.redeemedAt(now)
                  : wrong;
            });
    if (!txOk) {
      log.info("wrong transaction code [offer: {}, wrong: {}]", offer.id(), after.wrongTxCodes());
      throw OAuthError.invalidGrant(
          after.redeemed() != null
              ? "the tx_code is wrong, too often: the offer is void; ask for a new one"
              : "the tx_code is wrong");
    }
    String token = Hashes.random(random, 32);
    tokens.hold(Hashes.sha256(token), after);
    log.info("credential offer redeemed [id: {}, course: {}]", offer.id(), offer.courseIri());
    return new JsonObject()
        .put("access_token", token)
        .put("token_type", "Bearer")
        .put("expires_in", tokens.lifetime().toSeconds());
  }

  private JsonObject offerObject(StoredOffer offer, String code) {
    JsonObject grant = new JsonObject().put("pre-authorized_code", code);
    if (offer.needsTxCode()) {
      grant.put(
          "tx_code",
          new JsonObject()
              .put("input_mode", "numeric")
              .put("length", TX_CODE_LENGTH)
              .put("description", "The 6-digit code your school sent you separately"));
    }
    return new JsonObject()
        .put("credential_issuer", issuer)
        .put("credential_configuration_ids", new JsonArray(offer.configurationIds()))
        .put("grants", new JsonObject().put(TokenRequest.PRE_AUTHORIZED_CODE, grant));
  }

  /** The offer by value in the wallet's custom scheme (OpenID4VCI 1.0 section 4.1). */
  static String link(JsonObject offer) {
    return "openid-credential-offer://?credential_offer="
        + URLEncoder.encode(offer.encode(), StandardCharsets.UTF_8).replace("+", "%20");
  }

  private String pageUrl(String id, String code) {
    return issuer + "/offers/" + id + "?code=" + code;
  }

  private static String txHash(String code, String txCode) {
    return Hashes.sha256(code + "\n" + txCode);
  }

  private String digits(int length) {
    StringBuilder digits = new StringBuilder(length);
    for (int i = 0; i < length; i++) digits.append((char) ('0' + random.nextInt(10)));
    return digits.toString();
  }
}
