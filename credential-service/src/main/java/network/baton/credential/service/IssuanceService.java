package network.baton.credential.service;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import network.baton.credential.did.DidDocument;
import network.baton.credential.did.DidKey;
import network.baton.credential.did.NodeDidDocument;
import network.baton.credential.integrity.EddsaRdfc2022;
import network.baton.credential.issue.CredentialIssuer;
import network.baton.credential.issue.IssueRequest;
import network.baton.credential.issue.Skill;
import network.baton.credential.issue.SkillLookup;
import network.baton.credential.issue.UnknownAchievementException;
import network.baton.credential.issue.UnknownSkillException;
import network.baton.credential.keys.NodeKeys;
import network.baton.credential.keys.PublicKeyMaterial;
import network.baton.credential.sdjwt.HolderKey;
import network.baton.credential.sdjwt.SdJwtVcIssuer;
import network.baton.credential.sdjwt.SkillCredentialType;
import network.baton.credential.sdjwt.TokenStatusSource;
import network.baton.credential.status.IndexAllocator;
import network.baton.credential.status.StatusListIndex;
import network.baton.credential.status.StatusListSource;
import network.baton.credential.status.StatusListStore;
import network.baton.credential.status.StatusPurpose;
import network.baton.vocab.UntrustedText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the node calls to issue and revoke credentials. Issues Open Badges 3.0 credentials for
 * courses of the node's catalog, as {@code vc+jwt} or with an {@code eddsa-rdfc-2022} proof, each
 * with the BitstringStatusListEntries its order names (by default one revocation entry, a single
 * {@code credentialStatus} object as the Open Badges 3.0 schema wants; with suspension too, an
 * array of two at the same list number and index) pointing at {@code
 * {baseUrl}/status/{n}-{purpose}}; records them in {@link IssuedCredentials}; publishes its status
 * lists as signed credentials, signed once per change. Also issues the BATON skill credential as an
 * SD-JWT VC bound to the holder's key ({@link #issueSdJwtVc}), its status in the node's Token
 * Status List at the same position (derived from the same recorded state, see {@link
 * NodeStatusLists}), so revoking and suspending work alike for every format. Verifying is the
 * {@link network.baton.credential.verify.VerificationService}'s, which reads this node's lists from
 * {@link #ownStatusLists()}. Methods block (signing, canonicalization, file writes): call them off
 * the event loop. Thread-safe.
 *
 * <p>Its parts: {@link CredentialSigner} secures in each format, {@link SuppliedIssuance} takes a
 * credential the caller wrote, {@link StatusEntries} writes {@code credentialStatus}, {@link
 * StatusTransition} says which status changes are allowed, {@link NodeStatusLists} keeps the lists.
 */
public final class IssuanceService implements Closeable {
  private static final Logger log = LoggerFactory.getLogger(IssuanceService.class);

  /** Status list positions reserved on disk at a time. */
  static final int INDEX_BLOCK = 1024;

  private static final NodeDidDocument.Format DOCUMENT_FORMAT = NodeDidDocument.Format.MIXED;

  private final CredentialConfig config;
  private final CourseCatalog courses;
  private final SkillLookup skills;
  private final Clock clock;
  private final CredentialIssuer issuer;
  private final CredentialSigner signer;
  private final DidDocument ownDocument;
  private final IssuedCredentials issued;
  private final IndexAllocator allocator;
  private final NodeStatusLists lists;
  private final SdJwtVcIssuer sdJwtVc;
  private final SuppliedIssuance supplied;

  private IssuanceService(
      CredentialConfig config,
      NodeKeys keys,
      CourseCatalog courses,
      SkillLookup skills,
      EddsaRdfc2022 suite,
      Clock clock,
      IssuedCredentials issued,
      IndexAllocator allocator,
      StatusListStore store) {
    this.config = config;
    this.courses = courses;
    this.skills = skills;
    this.clock = clock;
    this.issued = issued;
    this.allocator = allocator;
    this.issuer =
        new CredentialIssuer(
            config.issuer(),
            keys.current(),
            skills,
            // issue() looks the course up itself (it needs its name and skills) and refuses an
            // unknown one before building the credential; a second store read would repeat that.
            iri -> true,
            // vc+jwt names the key's JsonWebKey method, so JOSE-only verifiers find a JWK.
            NodeDidDocument.jsonWebKeyId(config.issuerDid(), keys.current(), DOCUMENT_FORMAT));
    this.signer = new CredentialSigner(issuer, keys.current(), suite);
    this.ownDocument = NodeDidDocument.build(config.issuerDid(), keys, DOCUMENT_FORMAT);
    this.lists = new NodeStatusLists(config, allocator, store, signer, clock);
    this.sdJwtVc = signer.sdJwtVc(config.issuerDid());
    this.supplied = new SuppliedIssuance(config, courses, signer, issued, allocator, clock);
  }

  /**
   * Opens the service over {@code config.credentialsDir()} (issued credentials, status index
   * allocator and status lists), reconciling the status bits with the journal of issued
   * credentials; {@code skills} checks the courses' skills, {@code suite} makes Data Integrity
   * proofs.
   */
  public static IssuanceService open(
      CredentialConfig config,
      NodeKeys keys,
      CourseCatalog courses,
      SkillLookup skills,
      EddsaRdfc2022 suite,
      Clock clock)
      throws IOException {
    requireNonNull(config, "config");
    requireNonNull(keys, "keys");
    requireNonNull(courses, "courses");
    requireNonNull(skills, "skills");
    requireNonNull(suite, "suite");
    requireNonNull(clock, "clock");
    IssuedCredentials issued = IssuedCredentials.open(config.credentialsDir());
    try {
      // 1,024 positions per reservation (three forced writes): a crash wastes at most that many
      // of a list's 131,072 or more, and issuing pays those writes once per 1,024 credentials.
      IndexAllocator allocator =
          IndexAllocator.open(
              config.credentialsDir().resolve("index"), config.statusListSize(), INDEX_BLOCK);
      StatusListStore store =
          StatusListStore.open(config.credentialsDir().resolve("status"), config.statusListSize());
      IssuanceService service =
          new IssuanceService(
              config, keys, courses, skills, suite, clock, issued, allocator, store);
      service.lists.reconcile(issued.all());
      return service;
    } catch (IOException | RuntimeException e) {
      issued.close();
      throw e;
    }
  }

  /** The node's did:web. */
  public String issuerDid() {
    return config.issuerDid();
  }

  /** The node's DID document (all keys, old ones too). */
  public DidDocument didDocument() {
    return ownDocument;
  }

  /** The settings the service was opened with. */
  public CredentialConfig config() {
    return config;
  }

  /**
   * The node's own status lists as they are now, read from the store (not signed): where the node's
   * verifier looks up the status of credentials it issued.
   */
  public StatusListSource ownStatusLists() {
    return lists;
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
    if (order.format() == CredentialFormat.SD_JWT_VC) {
      PublicKeyMaterial holderKey;
      try {
        holderKey = HolderKey.parse(order.holderDid());
      } catch (IllegalArgumentException e) {
        throw new CredentialServiceException(
            CredentialServiceException.Kind.BAD_REQUEST,
            "an SD-JWT VC is bound to the holder's key: the holder must be a did:key or did:jwk ("
                + e.getMessage()
                + ")");
      }
      return issueSdJwtVc(order.achievementIri(), holderKey, order.validFrom(), order.validUntil());
    }
    CatalogCourse course = catalogCourse(order.achievementIri());
    if (order.format() == CredentialFormat.DATA_INTEGRITY) signer.requireDataIntegrityKey();
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
    StatusEntries.attach(vc, config, position, order.status());
    String id = vc.get("id").asText();
    SecuredCredential secured = signer.secure(id, order.format(), vc, now);
    issued.add(
        new IssuedRecord(
            id,
            position,
            order.holderDid(),
            course.iri(),
            now,
            CredentialState.ACTIVE,
            order.status()));
    log.info(
        "credential issued [id: {}, achievement: {}, format: {}, list: {}, index: {}]",
        id,
        course.iri(),
        order.format().value(),
        position.list(),
        position.index());
    return secured;
  }

  private CatalogCourse catalogCourse(String iri) {
    CatalogCourse course =
        courses.find(iri).orElseThrow(() -> new UnknownAchievementException(iri));
    List<String> unknown =
        course.skillIris().stream().filter(s -> skills.find(s).isEmpty()).toList();
    if (!unknown.isEmpty()) throw new UnknownSkillException(unknown);
    return course;
  }

  /**
   * Issues the BATON skill credential for a course of the catalog as an SD-JWT VC ({@code typ:
   * dc+sd-jwt}) bound to {@code holderKey} ({@code cnf.jwk}; the holder proves possession with a
   * KB-JWT when presenting): each skill its own disclosure, {@code status.status_list} pointing at
   * the node's Token Status List, {@code nbf}/{@code exp} from {@code validFrom}/{@code validUntil}
   * (each may be null). The answer's {@code jwt()} is the SD-JWT with every disclosure (ending with
   * {@code ~}), its {@code document()} the claims with every disclosure applied, its {@code id()}
   * the {@code jti} that revoke and suspend name. Records the credential like any other (holder:
   * the key's did:key); revocation and suspension both apply. Fails like {@link
   * #issue(CredentialOrder)}. What an OpenID4VCI credential endpoint calls with the key of the
   * holder's proof.
   */
  public SecuredCredential issueSdJwtVc(
      String achievementIri, PublicKeyMaterial holderKey, Instant validFrom, Instant validUntil)
      throws IOException {
    requireNonNull(achievementIri, "achievementIri");
    requireNonNull(holderKey, "holderKey");
    if (validFrom != null && validUntil != null && !validUntil.isAfter(validFrom)) {
      throw new IllegalArgumentException("validUntil must be after validFrom");
    }
    CatalogCourse course = catalogCourse(achievementIri);
    Instant now = clock.instant();
    List<Skill> attested =
        course.skillIris().stream().map(iri -> skills.find(iri).orElseThrow()).toList();
    String id = "urn:uuid:" + UUID.randomUUID();
    StatusListIndex position = allocator.allocate();
    SdJwtVcIssuer.Issued issued =
        sdJwtVc.issue(
            new SdJwtVcIssuer.Claims(
                id,
                SkillCredentialType.vct(config.baseUrl()),
                course.iri(),
                course.name(),
                attested,
                holderKey,
                now,
                validFrom != null && validFrom.isAfter(now) ? validFrom : null,
                validUntil,
                config.tokenStatusListUrl(position.list()),
                position.index()));
    this.issued.add(
        new IssuedRecord(
            id,
            position,
            DidKey.of(holderKey),
            course.iri(),
            now,
            CredentialState.ACTIVE,
            Set.of(StatusPurpose.REVOCATION, StatusPurpose.SUSPENSION)));
    log.info(
        "credential issued [id: {}, achievement: {}, format: {}, list: {}, index: {}]",
        id,
        course.iri(),
        CredentialFormat.SD_JWT_VC.value(),
        position.list(),
        position.index());
    return new SecuredCredential(
        id, CredentialFormat.SD_JWT_VC, issued.sdJwt().toString(), issued.claims());
  }

  /**
   * Issues a caller's own credential (checked against the data model by the caller, see {@link
   * network.baton.credential.issue.CredentialConformance}): the node becomes its issuer ({@code
   * issuer}, when given, must be the node's DID), {@code validFrom} is now when absent, and the
   * status entries asked for are added and recorded. An AchievementCredential (or
   * OpenBadgeCredential) must attest a course of this node. Fails with {@link
   * CredentialServiceException} (bad request: another issuer, a status entry asked next to the
   * caller's own; unprocessable: not canonicalizable, or a key that cannot make the proof) and
   * {@link UnknownAchievementException}.
   */
  public SecuredCredential issue(SuppliedCredential order) throws IOException {
    return supplied.issue(order);
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
                        "this node issued no credential " + UntrustedText.oneLine(credentialId)));
    CredentialState target = StatusTransition.target(record, action);
    if (record.state() == target) return new StatusChange(record, false);
    IssuedRecord changed = issued.setState(credentialId, target);
    lists.set(record.position(), target);
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
    return lists.signed(listName, format);
  }

  /**
   * The node's Token Status List {@code listName} (a list number, e.g. {@code 0}) as a signed
   * status list token ({@code typ: statuslist+jwt}, media type {@code application/statuslist+jwt}),
   * signed again after each change of the list. Fails (not found) for a list the node never used.
   */
  public String statusListToken(String listName) throws IOException {
    return lists.token(listName);
  }

  /**
   * The node's own Token Status Lists as they are now (not signed): where the node's verifier looks
   * up the status of SD-JWT VCs it issued.
   */
  public TokenStatusSource ownTokenStatusLists() {
    return lists;
  }

  @Override
  public void close() throws IOException {
    issued.close();
  }
}
