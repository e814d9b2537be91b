package network.baton.node.openid4vci;

import static java.util.Objects.requireNonNull;

import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import network.baton.credential.sdjwt.SkillCredentialType;
import network.baton.credential.service.IssuanceService;
import network.baton.credential.verify.IssuedChallenges;
import network.baton.node.NodeContext;
import network.baton.node.NodeExtension;
import network.baton.node.NodeServices;
import network.baton.node.config.NodeConfig;
import network.baton.node.credential.StoreCourseCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the node an OpenID4VCI issuer over its credential extension's {@link IssuanceService}
 * (started after it; off when credentials are off): opens the offers in {@code
 * {dataDir}/openid4vci}, registers {@link NodeServices#CREDENTIAL_OFFERS} (the offer page calls it)
 * and mounts {@link Openid4vciRoutes}. Access tokens and nonces live in memory, as many as {@link
 * #MAX_LIVE} of each.
 */
public final class Openid4vciExtension implements NodeExtension {

  /** The most access tokens, and the most nonces, held at a time. */
  public static final int MAX_LIVE = 10_000;

  private static final Logger log = LoggerFactory.getLogger(Openid4vciExtension.class);

  private final OfferSettings settings;
  private volatile CredentialConfigurations configurations;
  private volatile OfferService offers;
  private volatile CredentialEndpoint endpoint;

  /** Issuance to wallets with these limits. */
  public Openid4vciExtension(OfferSettings settings) {
    this.settings = requireNonNull(settings, "settings");
  }

  /** Issuance to wallets with the {@link OfferSettings#defaults() default limits}. */
  public Openid4vciExtension() {
    this(OfferSettings.defaults());
  }

  @Override
  public void start(NodeContext context) {
    Optional<IssuanceService> issuance = context.services().find(NodeServices.ISSUANCE);
    if (issuance.isEmpty()) {
      log.info("credential offers to wallets are off: the node has no credentials");
      return;
    }
    NodeConfig config = context.config();
    CredentialConfigurations configurations =
        CredentialConfigurations.standard(
            SkillCredentialType.vct(issuance.get().config().baseUrl()));
    String issuer = config.server().baseUrl().toString().replaceAll("/+$", "");
    Path folder = config.server().dataDir().resolve("openid4vci");
    OfferStore store;
    try {
      store = OfferStore.open(folder, settings.maxOpenOffers());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the credential offers in " + folder, e);
    }
    AccessTokens tokens = new AccessTokens(context.clock(), settings.tokenLifetime(), MAX_LIVE);
    IssuedChallenges nonces =
        new IssuedChallenges(
            new SecureRandom(), context.clock(), settings.nonceLifetime(), MAX_LIVE);
    OfferService offerService =
        new OfferService(
            issuer,
            store,
            new StoreCourseCatalog(context.store()),
            configurations,
            tokens,
            settings,
            context.work().credentials(),
            context.clock());
    endpoint =
        new CredentialEndpoint(
            issuance.get(),
            configurations,
            tokens,
            nonces,
            new KeyProof(issuer, nonces, context.clock(), settings.proofMaxAge()),
            issuer,
            context.work().credentials(),
            Openid4vciRoutes.CREDENTIAL_BODY_LIMIT,
            config.input().json());
    this.configurations = configurations;
    offers = offerService;
    context.services().register(NodeServices.CREDENTIAL_OFFERS, offerService);
  }

  @Override
  public void mount(Router router, NodeContext context) {
    OfferService offerService = offers;
    if (offerService == null) return;
    NodeConfig config = context.config();
    String name =
        config.identity().institution() == null || config.identity().institution().isBlank()
            ? config.identity().name()
            : config.identity().institution();
    new Openid4vciRoutes(
            offerService,
            endpoint,
            IssuerMetadata.issuer(offerService.issuer(), name, name, configurations),
            IssuerMetadata.authorizationServer(offerService.issuer()),
            context.adminHandler(),
            context.bodyHandler(),
            context.work().share(context.work().credentials()),
            context.problems(),
            config.input().json())
        .mount(router);
    log.info("credential offers to wallets on [issuer: {}]", offerService.issuer());
  }

  @Override
  public void close() {
    offers = null;
    endpoint = null;
    configurations = null;
  }
}
