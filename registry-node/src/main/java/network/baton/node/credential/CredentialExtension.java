package network.baton.node.credential;

import static java.util.Objects.requireNonNull;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import network.baton.credential.did.DidMethodResolver;
import network.baton.credential.did.DidWebOptions;
import network.baton.credential.did.DidWebResolver;
import network.baton.credential.fetch.FetchPolicy;
import network.baton.credential.http.CredentialRoutes;
import network.baton.credential.integrity.EddsaRdfc2022;
import network.baton.credential.issue.SkillLookup;
import network.baton.credential.keys.KeyAlgorithm;
import network.baton.credential.keys.KeyFileException;
import network.baton.credential.keys.KeyStoreDir;
import network.baton.credential.keys.NodeKeys;
import network.baton.credential.keys.WrongPassphraseException;
import network.baton.credential.service.CredentialConfig;
import network.baton.credential.service.IssuanceService;
import network.baton.credential.service.NodeVerification;
import network.baton.credential.service.SkillFrameworkLookup;
import network.baton.credential.status.StatusList;
import network.baton.credential.verify.TrustList;
import network.baton.credential.verify.VerificationService;
import network.baton.node.NodeContext;
import network.baton.node.NodeExtension;
import network.baton.node.NodeServices;
import network.baton.node.config.ConfigException;
import network.baton.node.config.NodeConfig;
import network.baton.node.work.WorkQueue;
import network.baton.vocab.ContextLoader;
import network.baton.vocab.SkillFramework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the node credentials: opens its signing keys from {@code {dataDir}/keys} (creating an
 * Ed25519 key at the first start), opens the {@link IssuanceService} over {@code
 * {dataDir}/credentials} with the node's store as course catalog and builds the node's {@link
 * VerificationService} (its own DID document and status lists read locally, other issuers' over the
 * fetch policy). One instance per node: {@link #start} opens both and registers them as {@link
 * NodeServices#ISSUANCE} and {@link NodeServices#VERIFICATION} (the verify page calls the latter
 * in-process; they are also {@link #issuance()} and {@link #verification()}), {@link #mount} adds
 * the VC API routes and {@code GET /.well-known/did.json}, {@link #close()} closes what start
 * opened. Without a key passphrase (config {@code keyPassphrase} or {@code BATON_KEY_PASSPHRASE})
 * the node runs without credentials and says so.
 */
public final class CredentialExtension implements NodeExtension {
  /** The environment variable holding the node key passphrase. */
  public static final String PASSPHRASE_ENV = "BATON_KEY_PASSPHRASE";

  /** The path of the node's DID document. */
  public static final String DID_DOCUMENT_PATH = "/.well-known/did.json";

  private static final Logger log = LoggerFactory.getLogger(CredentialExtension.class);
  private static final Duration REMOTE_TIMEOUT = Duration.ofSeconds(5);

  private final SkillFramework framework;
  private final ContextLoader contexts;
  private final UnaryOperator<String> environment;
  private final TrustList networkTrust;
  private final SecureRandom random = new SecureRandom();
  private final List<AutoCloseable> opened = new CopyOnWriteArrayList<>();
  private volatile IssuanceService issuance;
  private volatile VerificationService verification;
  private volatile NodeKeys keys;

  /**
   * Credentials with this skill framework and these bundled contexts, passphrase from the
   * environment.
   */
  public CredentialExtension(SkillFramework framework, ContextLoader contexts) {
    this(framework, contexts, System::getenv);
  }

  /** Credentials reading environment variables through {@code environment} (for tests). */
  public CredentialExtension(
      SkillFramework framework, ContextLoader contexts, UnaryOperator<String> environment) {
    this(framework, contexts, environment, issuer -> false);
  }

  /**
   * Credentials that also trust the issuers the network trusts (the signed membership list's
   * members with the issuer role), besides the configured {@code trustedIssuers}.
   */
  public CredentialExtension(
      SkillFramework framework,
      ContextLoader contexts,
      UnaryOperator<String> environment,
      TrustList networkTrust) {
    this.framework = requireNonNull(framework, "framework");
    this.contexts = requireNonNull(contexts, "contexts");
    this.environment = requireNonNull(environment, "environment");
    this.networkTrust = requireNonNull(networkTrust, "networkTrust");
  }

  @Override
  public void start(NodeContext context) {
    NodeConfig config = context.config();
    Optional<char[]> passphrase = passphrase(config);
    if (passphrase.isEmpty()) {
      log.warn(
          "credentials are off: no key passphrase (set {} or keyPassphrase in the node config)",
          PASSPHRASE_ENV);
      return;
    }
    NodeKeys keys = openKeys(config, passphrase.get());
    this.keys = keys;
    CredentialConfig credentialConfig =
        new CredentialConfig(
            config.server().baseUrl(),
            config.identity().institution().isBlank()
                ? config.identity().name()
                : config.identity().institution(),
            config.server().dataDir(),
            StatusList.MIN_SIZE,
            new LinkedHashSet<>(config.credentials().trustedIssuers()),
            config.credentials().statusListCacheTtl());
    FetchPolicy fetchPolicy = config.fetchPolicy();
    SkillLookup skills = new SkillFrameworkLookup(framework);
    EddsaRdfc2022 suite = new EddsaRdfc2022(contexts.documentLoader());
    Clock clock = context.clock();
    IssuanceService issuer;
    try {
      issuer =
          IssuanceService.open(
              credentialConfig,
              keys,
              new StoreCourseCatalog(context.store()),
              skills,
              suite,
              clock);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot open the credential records in "
              + credentialConfig.credentialsDir()
              + ": "
              + e.getMessage(),
          e);
    }
    opened.add(issuer);
    VerificationService verifier =
        NodeVerification.builder(
                issuer,
                new DidMethodResolver(
                    new DidWebResolver(
                        DidWebOptions.defaults().withTimeout(REMOTE_TIMEOUT), fetchPolicy)),
                new HttpStatusListFetcher(
                    REMOTE_TIMEOUT, HttpStatusListFetcher.DEFAULT_MAX_BYTES, fetchPolicy),
                skills,
                suite,
                trusted(credentialConfig.trustList()),
                clock)
            .build();
    this.issuance = issuer;
    this.verification = verifier;
    context.services().register(NodeServices.ISSUANCE, issuer);
    context.services().register(NodeServices.VERIFICATION, verifier);
  }

  @Override
  public void mount(Router router, NodeContext context) {
    IssuanceService issuer = this.issuance;
    VerificationService verifier = this.verification;
    if (issuer == null || verifier == null) {
      return;
    }
    NodeConfig config = context.config();
    FetchPolicy fetchPolicy = config.fetchPolicy();
    WorkQueue worker = context.work().credentials();
    int bodyLimit =
        (int) Math.min(config.server().bodyLimitBytes(), CredentialRoutes.DEFAULT_MAX_BODY_BYTES);
    // Each client gets its share of the credential workers on every route that signs or verifies.
    new CredentialRoutes(
            issuer,
            verifier,
            worker,
            context.adminHandler(),
            context.bodyHandler(),
            context.work().share(worker),
            bodyLimit,
            config.input().json())
        .mount(router);
    if (config.identity().did() != null && !config.identity().did().equals(issuer.issuerDid())) {
      log.warn(
          "config did differs from the did:web of the base URL; credentials are issued as the latter"
              + " [did: {}, issuer: {}]",
          config.identity().did(),
          issuer.issuerDid());
    }
    String document = issuer.didDocument().toJson().toPrettyString();
    router.get(DID_DOCUMENT_PATH).handler(rc -> didDocument(rc, document));
    log.info(
        "credentials on [did: {}, keys: {}, signing: {}, fetching: {}]",
        issuer.issuerDid(),
        keys.keys().size(),
        keys.current().id(),
        fetchPolicy);
  }

  /** The node's issuance service, once {@link #start} opened it (empty: credentials are off). */
  public Optional<IssuanceService> issuance() {
    return Optional.ofNullable(issuance);
  }

  /** The node's verification service, once {@link #start} built it (empty: credentials are off). */
  public Optional<VerificationService> verification() {
    return Optional.ofNullable(verification);
  }

  private static void didDocument(RoutingContext rc, String document) {
    rc.response()
        .putHeader("Content-Type", "application/did+json")
        .putHeader("Cache-Control", "max-age=300")
        .end(document);
  }

  /** Configured issuers, and those the network trusts; the network list is read at each check. */
  private TrustList trusted(TrustList configured) {
    return issuer -> configured.trusts(issuer) || networkTrust.trusts(issuer);
  }

  private Optional<char[]> passphrase(NodeConfig config) {
    String fromEnv = environment.apply(PASSPHRASE_ENV);
    if (fromEnv != null && !fromEnv.isEmpty()) return Optional.of(fromEnv.toCharArray());
    String fromConfig = config.credentials().keyPassphrase();
    return fromConfig == null ? Optional.empty() : Optional.of(fromConfig.toCharArray());
  }

  private NodeKeys openKeys(NodeConfig config, char[] passphrase) {
    KeyStoreDir store = new KeyStoreDir(config.server().dataDir(), random);
    try {
      if (store.list().isEmpty()) {
        store.init(KeyAlgorithm.ED25519, passphrase);
        log.info(
            "no node keys yet: created an Ed25519 signing key [dir: {}] (back it up with its passphrase)",
            store.directory());
      }
      return store.load(passphrase);
    } catch (WrongPassphraseException e) {
      throw new ConfigException(
          "the key passphrase ("
              + PASSPHRASE_ENV
              + " or keyPassphrase) does not open the node keys in "
              + store.directory());
    } catch (KeyFileException e) {
      throw new ConfigException("node keys in " + store.directory() + ": " + e.getMessage());
    }
  }

  /** Closes the issuance service this extension opened (the node closes its work queues). */
  @Override
  public void close() throws Exception {
    Exception first = null;
    // Newest first.
    for (int i = opened.size() - 1; i >= 0; i--) {
      try {
        opened.get(i).close();
      } catch (Exception e) {
        if (first == null) first = e;
      }
    }
    opened.clear();
    issuance = null;
    verification = null;
    if (first != null) throw first;
  }
}
