package network.baton.credential.service;

import static java.util.Objects.requireNonNull;

import com.apicatalog.jsonld.loader.DocumentLoader;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSObject;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import network.baton.credential.did.DidDocument;
import network.baton.credential.did.DidResolver;
import network.baton.credential.did.NodeDidDocument;
import network.baton.credential.integrity.DidVerificationKeys;
import network.baton.credential.integrity.EddsaRdfc2022;
import network.baton.credential.integrity.ProofOptions;
import network.baton.credential.integrity.ProofVerification;
import network.baton.credential.issue.CredentialIssuer;
import network.baton.credential.issue.IssueRequest;
import network.baton.credential.issue.SkillLookup;
import network.baton.credential.issue.UnknownAchievementException;
import network.baton.credential.issue.UnknownSkillException;
import network.baton.credential.issue.VcContexts;
import network.baton.credential.keys.NodeKeys;
import network.baton.credential.keys.SigningKey;
import network.baton.credential.schema.AchievementCredentialSchema;
import network.baton.credential.status.BitstringStatusChecker;
import network.baton.credential.status.IndexAllocator;
import network.baton.credential.status.StatusEntry;
import network.baton.credential.status.StatusList;
import network.baton.credential.status.StatusListCredential;
import network.baton.credential.status.StatusListException;
import network.baton.credential.status.StatusListFetcher;
import network.baton.credential.status.StatusListIndex;
import network.baton.credential.status.StatusListStore;
import network.baton.credential.status.StatusListVerifier;
import network.baton.credential.status.StatusPurpose;
import network.baton.credential.verify.Challenge;
import network.baton.credential.verify.Check;
import network.baton.credential.verify.CredentialVerifier;
import network.baton.credential.verify.IssuedChallenges;
import network.baton.credential.verify.NonceCheck;
import network.baton.credential.verify.PresentationRequirements;
import network.baton.credential.verify.PresentationVerifier;
import network.baton.credential.verify.StatusChecker;
import network.baton.credential.verify.StatusResult;
import network.baton.credential.verify.TrustList;
import network.baton.credential.verify.UsedNonces;
import network.baton.credential.verify.VerificationReport;
import network.baton.vocab.SkillFramework;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the node and the CLI call to issue, verify and revoke credentials. Issues Open Badges 3.0
 * credentials for courses of the node's catalog, as {@code vc+jwt} or with an {@code
 * eddsa-rdfc-2022} proof, each with two BitstringStatusListEntries (revocation and suspension, the
 * same list number and index) pointing at {@code {baseUrl}/status/{n}-{purpose}}; records them in
 * {@link IssuedCredentials}; publishes its status lists as signed {@code vc+jwt} credentials,
 * cached until a list changes; verifies credentials and presentations into reports. The node's own
 * DID document and status lists are read locally, others through the given resolver and fetcher.
 * Methods block (signing, canonicalization, file writes): call them off the event loop.
 * Thread-safe.
 */
public final class CredentialService implements Closeable {
  private static final Logger log = LoggerFactory.getLogger(CredentialService.class);

  private record SignedListKey(StatusListId list, CredentialFormat format) {}

  /** How long accepted presentation nonces are remembered against replay. */
  public static final Duration NONCE_MEMORY = Duration.ofMinutes(30);

  /** How long a challenge handed out by {@link #newChallenge} is accepted. */
  public static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(5);

  /** Status list positions reserved on disk at a time. */
  static final int INDEX_BLOCK = 1024;

  /** The most challenges remembered at a time (the oldest are dropped first). */
  public static final long MAX_OUTSTANDING_CHALLENGES = 100_000;

  private final CredentialConfig config;
  private final NodeKeys keys;
  private final CourseCatalog courses;
  private final SkillLookup skills;
  private final Clock clock;
  private final CredentialIssuer issuer;
  private final EddsaRdfc2022 dataIntegrity;
  private final DidDocument ownDocument;
  private final DidResolver resolver;
  private final IssuedCredentials issued;
  private final IndexAllocator allocator;
  private final StatusListStore lists;
  private final CredentialVerifier verifier;
  private final PresentationVerifier presentations;
  private final UsedNonces usedNonces = new UsedNonces(NONCE_MEMORY, 1_000_000);
  private final IssuedChallenges challenges;
  private final Map<SignedListKey, String> signedLists = new ConcurrentHashMap<>();
  private final ObjectMapper json = new ObjectMapper();

  private CredentialService(
      CredentialConfig config,
      NodeKeys keys,
      CourseCatalog courses,
      SkillFramework framework,
      DocumentLoader loader,
      DidResolver remoteDids,
      StatusListFetcher remoteLists,
      TrustList trust,
      Clock clock,
      IssuedCredentials issued,
      IndexAllocator allocator,
      StatusListStore lists) {
    this.config = config;
    this.keys = keys;
    this.courses = courses;
    this.skills = new SkillFrameworkLookup(framework);
    this.clock = clock;
    this.issued = issued;
    this.allocator = allocator;
    this.lists = lists;
    String did = config.issuerDid();
    this.issuer =
        new CredentialIssuer(
            config.issuer(),
            keys.current(),
            skills,
            // issue() looks the course up itself (it needs its name and skills) and refuses an
            // unknown one before building the credential; a second store read would repeat that.
            iri -> true);
    this.dataIntegrity = new EddsaRdfc2022(loader);
    this.ownDocument = NodeDidDocument.build(did, keys, NodeDidDocument.Format.MIXED);
    this.resolver = d -> did.equals(d) ? ownDocument : remoteDids.resolve(d);
    StatusListCredentialVerifier listVerifier =
        new StatusListCredentialVerifier(resolver, dataIntegrity);
    // Own lists are read fresh every time (they are signed once per change and cached here), so a
    // revocation shows at once; other issuers' lists are cached for the configured TTL.
    // Own lists come from this process's memory, never over the network: read the payload without
    // checking our own signature again (that would cost an Ed25519 verify per status check).
    StatusListVerifier ownListReader =
        fetched -> {
          try {
            return json.readTree(JWSObject.parse(fetched).getPayload().toString());
          } catch (ParseException | JsonProcessingException e) {
            throw new StatusListException("own status list cannot be read: " + e.getMessage(), e);
          }
        };
    BitstringStatusChecker local =
        new BitstringStatusChecker(
            this::ownList,
            ownListReader,
            clock,
            new BitstringStatusChecker.Options(Duration.ZERO, true, StatusList.DEFAULT_MAX_SIZE));
    BitstringStatusChecker remote =
        new BitstringStatusChecker(
            remoteLists,
            listVerifier,
            clock,
            new BitstringStatusChecker.Options(
                config.statusListCacheTtl(), true, StatusList.DEFAULT_MAX_SIZE));
    StatusChecker status =
        new StatusChecker() {
          @Override
          public StatusResult check(JsonNode credentialStatus) {
            return check(credentialStatus, null);
          }

          @Override
          public StatusResult check(JsonNode credentialStatus, String issuerDid) {
            return isOwn(credentialStatus)
                ? local.check(credentialStatus, issuerDid)
                : remote.check(credentialStatus, issuerDid);
          }
        };
    this.verifier =
        new CredentialVerifier(resolver, trust, status, skills, clock)
            .withCheck(new OpenBadgesSchemaCheck(AchievementCredentialSchema.bundled()));
    this.presentations =
        new PresentationVerifier(
            verifier, resolver, usedNonces, dataIntegrity, this::verifyCredential);
    this.challenges =
        new IssuedChallenges(
            new SecureRandom(), clock, CHALLENGE_LIFETIME, MAX_OUTSTANDING_CHALLENGES);
  }

  /**
   * Opens the service over {@code config.credentialsDir()} (issued credentials, status index
   * allocator and status lists), reconciling the status bits with the journal of issued
   * credentials. {@code remoteDids} and {@code remoteLists} reach other issuers (the node limits
   * them to member URLs); {@code trust} says whose credentials verify (see {@link
   * CredentialConfig#trustList()}).
   */
  public static CredentialService open(
      CredentialConfig config,
      NodeKeys keys,
      CourseCatalog courses,
      SkillFramework framework,
      DocumentLoader loader,
      DidResolver remoteDids,
      StatusListFetcher remoteLists,
      TrustList trust,
      Clock clock)
      throws IOException {
    requireNonNull(config, "config");
    requireNonNull(keys, "keys");
    requireNonNull(courses, "courses");
    requireNonNull(framework, "framework");
    requireNonNull(loader, "loader");
    requireNonNull(remoteDids, "remoteDids");
    requireNonNull(remoteLists, "remoteLists");
    requireNonNull(trust, "trust");
    requireNonNull(clock, "clock");
    IssuedCredentials issued = IssuedCredentials.open(config.credentialsDir());
    try {
      // 1,024 positions per reservation (three forced writes): a crash wastes at most that many
      // of a list's 131,072 or more, and issuing pays those writes once per 1,024 credentials.
      IndexAllocator allocator =
          IndexAllocator.open(
              config.credentialsDir().resolve("index"), config.statusListSize(), INDEX_BLOCK);
      StatusListStore lists =
          StatusListStore.open(config.credentialsDir().resolve("status"), config.statusListSize());
      reconcile(issued, lists);
      return new CredentialService(
          config,
          keys,
          courses,
          framework,
          loader,
          remoteDids,
          remoteLists,
          trust,
          clock,
          issued,
          allocator,
          lists);
    } catch (IOException | RuntimeException e) {
      issued.close();
      throw e;
    }
  }

  // The journal is written before the bits, so after a crash the journal is right: set the bits
  // from it.
  private static void reconcile(IssuedCredentials issued, StatusListStore lists)
      throws IOException {
    int fixed = 0;
    for (IssuedRecord record : issued.all()) {
      StatusListIndex at = record.position();
      if (lists.update(
          at.list(),
          StatusPurpose.REVOCATION,
          at.index(),
          record.state() == CredentialState.REVOKED)) {
        fixed++;
      }
      if (lists.update(
          at.list(),
          StatusPurpose.SUSPENSION,
          at.index(),
          record.state() == CredentialState.SUSPENDED)) {
        fixed++;
      }
    }
    if (fixed > 0) log.warn("status bits repaired from the journal [bits: {}]", fixed);
  }

  /** The node's did:web. */
  public String issuerDid() {
    return config.issuerDid();
  }

  /** The node's DID document (all keys, old ones too). */
  public DidDocument didDocument() {
    return ownDocument;
  }

  /**
   * Issues a credential for a course of the catalog. Fails with {@link UnknownAchievementException}
   * for a course the node does not publish, {@link UnknownSkillException} if the course names
   * skills outside the framework, {@link IllegalArgumentException} for an unusable request, and
   * {@link CredentialServiceException} (unprocessable) for Data Integrity with a key that is not
   * Ed25519.
   */
  public SecuredCredential issue(CredentialOrder order) throws IOException {
    requireNonNull(order, "order");
    CatalogCourse course =
        courses
            .find(order.achievementIri())
            .orElseThrow(() -> new UnknownAchievementException(order.achievementIri()));
    List<String> unknown =
        course.skillIris().stream().filter(iri -> skills.find(iri).isEmpty()).toList();
    if (!unknown.isEmpty()) throw new UnknownSkillException(unknown);
    SigningKey key = keys.current();
    if (order.format() == CredentialFormat.DATA_INTEGRITY
        && !(key.privateKey() instanceof Ed25519PrivateKeyParameters)) {
      throw new CredentialServiceException(
          CredentialServiceException.Kind.UNPROCESSABLE,
          "eddsa-rdfc-2022 needs an Ed25519 key; the node signs with " + key.algorithm());
    }
    Instant now = clock.instant();
    IssueRequest request =
        new IssueRequest(
            order.holderDid(),
            course.iri(),
            course.name(),
            course.description(),
            "Completed " + course.name() + " at " + config.issuerName() + ".",
            course.skillIris(),
            order.validFrom() == null ? now : order.validFrom(),
            order.validUntil());
    StatusListIndex position = allocator.allocate();
    ObjectNode vc = issuer.credential(request, null);
    vc.set("credentialStatus", statusEntries(position));
    String id = vc.get("id").asText();
    SecuredCredential secured =
        switch (order.format()) {
          case JWT -> {
            String jwt = issuer.sign(vc);
            yield new SecuredCredential(id, CredentialFormat.JWT, jwt, vc);
          }
          case DATA_INTEGRITY ->
              new SecuredCredential(
                  id, CredentialFormat.DATA_INTEGRITY, null, signDataIntegrity(vc, key, now));
        };
    issued.add(
        new IssuedRecord(
            id, position, order.holderDid(), course.iri(), now, CredentialState.ACTIVE));
    log.info(
        "credential issued [id: {}, achievement: {}, format: {}, list: {}, index: {}]",
        id,
        course.iri(),
        order.format().value(),
        position.list(),
        position.index());
    return secured;
  }

  private ArrayNode statusEntries(StatusListIndex position) {
    ArrayNode entries = json.createArrayNode();
    for (StatusPurpose purpose : StatusPurpose.values()) {
      URI url = config.statusListUrl(new StatusListId(position.list(), purpose));
      entries.add(StatusEntry.of(url, purpose, position.index()).toJson());
    }
    return entries;
  }

  private ObjectNode signDataIntegrity(ObjectNode vc, SigningKey key, Instant now) {
    try {
      String signed =
          dataIntegrity.sign(
              json.writeValueAsString(vc),
              ProofOptions.assertion(issuer.keyId(), now),
              (Ed25519PrivateKeyParameters) key.privateKey());
      return (ObjectNode) json.readTree(signed);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise credential", e);
    } catch (network.baton.credential.integrity.CanonicalizationException e) {
      throw new IllegalStateException("credential cannot be canonicalized: " + e.getMessage(), e);
    }
  }

  /**
   * Verifies a credential: a compact {@code vc+jwt} (JSON string), an {@code
   * EnvelopedVerifiableCredential} holding one, or a JSON-LD credential with an {@code
   * eddsa-rdfc-2022} proof. Never throws for a bad credential: the report says what failed.
   */
  public VerificationReport verifyCredential(JsonNode input) {
    requireNonNull(input, "input");
    if (input.isTextual()) return verifier.verify(input.asText());
    if (!input.isObject()) {
      return failedFormat("a credential must be a vc+jwt string or a JSON object");
    }
    String envelopedId = input.path("id").asText("");
    if (hasType(input, "EnvelopedVerifiableCredential")) {
      if (!envelopedId.startsWith(VcContexts.ENVELOPED_VC_PREFIX)) {
        return failedFormat(
            "an EnvelopedVerifiableCredential must have an id starting with "
                + VcContexts.ENVELOPED_VC_PREFIX);
      }
      return verifier.verify(envelopedId.substring(VcContexts.ENVELOPED_VC_PREFIX.length()));
    }
    if (!input.has("proof")) {
      return failedFormat("the credential has no proof (not secured)");
    }
    String text;
    try {
      text = json.writeValueAsString(input);
    } catch (JsonProcessingException e) {
      return failedFormat("the credential cannot be serialised: " + e.getOriginalMessage());
    }
    return verifier.verifyEmbedded(
        input,
        "JSON-LD credential with an embedded proof",
        issuerDid -> proofChecks(text, issuerDid));
  }

  private List<Check> proofChecks(String credential, String issuerDid) {
    ProofVerification proof =
        dataIntegrity.verify(
            credential, DidVerificationKeys.assertion(resolver).controlledBy(issuerDid));
    List<Check> checks = new ArrayList<>();
    if (proof.valid()) {
      checks.add(
          Check.pass(
              CredentialVerifier.KEY,
              "key " + proof.verificationMethod() + " is an assertion method of the issuer"));
      checks.add(Check.pass(CredentialVerifier.SIGNATURE, proof.reason()));
    } else {
      checks.add(Check.fail(CredentialVerifier.SIGNATURE, proof.reason()));
    }
    return checks;
  }

  private static VerificationReport failedFormat(String reason) {
    return VerificationReport.of(
        List.of(Check.fail(CredentialVerifier.FORMAT, reason)), null, null, null, List.of());
  }

  /**
   * Verifies a {@code vp+jwt} presentation made for a verifier that handed out {@code challenge}
   * itself (each accepted only once by this service); {@code domain} is the expected audience.
   */
  public VerificationReport verifyPresentation(String vpJwt, String challenge, String domain) {
    return presentations.verify(vpJwt, challenge, domain);
  }

  /**
   * Verifies a presentation ({@code vp+jwt} string, EnvelopedVerifiablePresentation, or JSON-LD
   * with an {@code eddsa-rdfc-2022} proof) for a verifier that handed out {@code challenge} itself
   * (each accepted only once by this service); {@code domain} is the expected audience. Never
   * throws for a bad presentation: the report says what failed.
   */
  public VerificationReport verifyPresentation(
      JsonNode presentation, String challenge, String domain) {
    requireNonNull(challenge, "challenge");
    return verifyPresentation(
        presentation,
        new PresentationRequirements(NonceCheck.remembered(challenge, usedNonces), domain));
  }

  /**
   * A fresh challenge for a presentation to {@code domain} (null: this node's base URL), accepted
   * once by {@link #verifyIssuedChallenge} until it expires.
   */
  public Challenge newChallenge(String domain) {
    return challenges.issue(domain == null ? config.baseUrl().toString() : domain);
  }

  /**
   * Verifies a presentation against a challenge this service handed out: it must be known,
   * unexpired and not used before (it is used up by this call), and the presentation must carry it.
   * The expected domain is {@code domain} when given (it must then be the challenge's), else the
   * challenge's.
   */
  public VerificationReport verifyIssuedChallenge(
      JsonNode presentation, String challenge, String domain) {
    requireNonNull(challenge, "challenge");
    IssuedChallenges.Redemption redemption = challenges.redeem(challenge);
    String expected =
        domain != null
            ? domain
            : redemption.challenge() != null
                ? redemption.challenge().domain()
                : config.baseUrl().toString();
    return verifyPresentation(
        presentation, new PresentationRequirements(redemption.nonceCheck(domain), expected));
  }

  private VerificationReport verifyPresentation(
      JsonNode presentation, PresentationRequirements required) {
    requireNonNull(presentation, "presentation");
    if (presentation.isTextual()) return presentations.verify(presentation.asText(), required);
    if (!presentation.isObject()) {
      return failedFormat("a presentation must be a vp+jwt string or a JSON object");
    }
    String id = presentation.path("id").asText("");
    if (id.startsWith(VcContexts.ENVELOPED_VP_PREFIX)) {
      return presentations.verify(id.substring(VcContexts.ENVELOPED_VP_PREFIX.length()), required);
    }
    if (!presentation.has("proof")) {
      return failedFormat(
          "a presentation must be a vp+jwt, an EnvelopedVerifiablePresentation, or JSON-LD with"
              + " an eddsa-rdfc-2022 proof");
    }
    return presentations.verifyDataIntegrity(presentation, required);
  }

  /**
   * Revokes, suspends or unsuspends an issued credential. Revocation is final: suspending or
   * unsuspending a revoked credential fails (conflict); an unknown id fails (not found).
   */
  public synchronized StatusChange setStatus(String credentialId, StatusAction action)
      throws IOException {
    requireNonNull(action, "action");
    IssuedRecord record =
        issued
            .find(credentialId)
            .orElseThrow(
                () ->
                    new CredentialServiceException(
                        CredentialServiceException.Kind.NOT_FOUND,
                        "this node issued no credential " + credentialId));
    CredentialState target =
        switch (action) {
          case REVOKE -> CredentialState.REVOKED;
          case SUSPEND -> CredentialState.SUSPENDED;
          case UNSUSPEND -> CredentialState.ACTIVE;
        };
    if (record.state() == target) return new StatusChange(record, false);
    if (record.state() == CredentialState.REVOKED) {
      throw new CredentialServiceException(
          CredentialServiceException.Kind.CONFLICT,
          "credential " + credentialId + " is revoked; revocation is final");
    }
    IssuedRecord changed = issued.setState(credentialId, target);
    StatusListIndex at = record.position();
    lists.update(
        at.list(), StatusPurpose.REVOCATION, at.index(), target == CredentialState.REVOKED);
    lists.update(
        at.list(), StatusPurpose.SUSPENSION, at.index(), target == CredentialState.SUSPENDED);
    for (StatusPurpose purpose : StatusPurpose.values()) {
      for (CredentialFormat format : CredentialFormat.values()) {
        signedLists.remove(new SignedListKey(new StatusListId(at.list(), purpose), format));
      }
    }
    log.info("credential status changed [id: {}, state: {}]", credentialId, target.value());
    return new StatusChange(changed, true);
  }

  /** Every credential this node issued, in the order issued. */
  public List<IssuedRecord> issued() {
    return issued.all();
  }

  /** The record of a credential this node issued. */
  public Optional<IssuedRecord> issued(String credentialId) {
    return issued.find(credentialId);
  }

  /**
   * The status list credential named {@code listName} (e.g. {@code 0-revocation}) as a signed
   * {@code vc+jwt}, signed once per change. Fails (not found) for a list the node never used.
   */
  public String statusList(String listName) throws IOException {
    return statusList(listName, CredentialFormat.JWT);
  }

  /**
   * The status list credential as a {@code vc+jwt} or as JSON-LD with an {@code eddsa-rdfc-2022}
   * proof, signed once per change of the list.
   */
  public String statusList(String listName, CredentialFormat format) throws IOException {
    requireNonNull(format, "format");
    StatusListId id =
        StatusListId.parse(listName)
            .filter(this::inUse)
            .orElseThrow(
                () ->
                    new CredentialServiceException(
                        CredentialServiceException.Kind.NOT_FOUND, "no status list " + listName));
    try {
      return signedLists.computeIfAbsent(new SignedListKey(id, format), this::signList);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private boolean inUse(StatusListId id) {
    long reserved = allocator.reservedUpTo();
    return reserved > 0 && id.number() <= (reserved - 1) / config.statusListSize();
  }

  private String signList(SignedListKey key) {
    StatusListId id = key.list();
    try {
      StatusListCredential credential =
          new StatusListCredential(
              config.statusListUrl(id),
              config.issuerDid(),
              id.purpose(),
              lists.snapshot(id.number(), id.purpose()),
              // No validFrom: a verifier whose clock is behind ours would refuse a fresh list.
              null,
              null);
      if (key.format() == CredentialFormat.JWT) return issuer.sign(credential.toJson());
      SigningKey signing = keys.current();
      if (!(signing.privateKey() instanceof Ed25519PrivateKeyParameters)) {
        throw new CredentialServiceException(
            CredentialServiceException.Kind.UNPROCESSABLE,
            "eddsa-rdfc-2022 needs an Ed25519 key; the node signs with " + signing.algorithm());
      }
      return signDataIntegrity(credential.toJson(), signing, clock.instant()).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String ownList(URI url) throws IOException {
    String prefix = config.baseUrl() + "/status/";
    String text = url.toString();
    if (!text.startsWith(prefix)) throw new IOException("not a status list of this node: " + url);
    try {
      return statusList(text.substring(prefix.length()));
    } catch (CredentialServiceException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  private boolean isOwn(JsonNode credentialStatus) {
    String prefix = config.baseUrl() + "/status/";
    List<JsonNode> entries = new ArrayList<>();
    if (credentialStatus.isArray()) credentialStatus.forEach(entries::add);
    else entries.add(credentialStatus);
    return !entries.isEmpty()
        && entries.stream()
            .allMatch(e -> e.path("statusListCredential").asText("").startsWith(prefix));
  }

  private static boolean hasType(JsonNode node, String type) {
    JsonNode types = node.get("type");
    if (types == null) return false;
    if (types.isTextual()) return types.asText().equals(type);
    for (JsonNode t : types) if (type.equals(t.asText())) return true;
    return false;
  }

  @Override
  public void close() throws IOException {
    issued.close();
  }
}
