package network.baton.credential.service;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import network.baton.credential.sdjwt.TokenStatus;
import network.baton.credential.sdjwt.TokenStatusList;
import network.baton.credential.sdjwt.TokenStatusSource;
import network.baton.credential.status.IndexAllocator;
import network.baton.credential.status.StatusList;
import network.baton.credential.status.StatusListCredential;
import network.baton.credential.status.StatusListIndex;
import network.baton.credential.status.StatusListSource;
import network.baton.credential.status.StatusListStore;
import network.baton.credential.status.StatusPurpose;
import network.baton.vocab.UntrustedText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's own status lists: the bits in the {@link StatusListStore}, published as signed list
 * credentials ({@code vc+jwt} or {@code eddsa-rdfc-2022}) signed once per change and cached, and
 * read straight from the store by the node's own verifier (a {@link StatusListSource}: nothing is
 * signed to be parsed back). Only lists in use (some index of theirs was reserved) exist.
 *
 * <p>The Token Status Lists of SD-JWT VCs ({@code {baseUrl}/statuslists/token/{n}}, 2 bits per
 * credential: 0x00 valid, 0x01 invalid, 0x02 suspended) are not kept anywhere: list {@code n} is
 * derived from the revocation and suspension bits of Bitstring list {@code n} at the same index,
 * which follow each credential's one recorded state ({@link #set}, {@link #reconcile}). An SD-JWT
 * VC takes its position from the same allocator as any credential, so no index is used by two
 * credentials and one state, in one journal, is the only source of truth: nothing is stored twice,
 * so nothing can disagree. Signed tokens are cached until the next change of their list (or half
 * their validity). Thread-safe.
 */
final class NodeStatusLists implements StatusListSource, TokenStatusSource {
  private static final Logger log = LoggerFactory.getLogger(NodeStatusLists.class);

  private record SignedListKey(StatusListId list, CredentialFormat format) {}

  private final CredentialConfig config;
  private final IndexAllocator allocator;
  private final StatusListStore store;
  private final CredentialSigner signer;
  private final Clock clock;
  private final Map<SignedListKey, String> signed = new ConcurrentHashMap<>();

  private record SignedToken(String token, Instant issuedAt) {}

  private final Map<Long, SignedToken> tokens = new ConcurrentHashMap<>();

  NodeStatusLists(
      CredentialConfig config,
      IndexAllocator allocator,
      StatusListStore store,
      CredentialSigner signer,
      Clock clock) {
    this.config = config;
    this.allocator = allocator;
    this.store = store;
    this.signer = signer;
    this.clock = clock;
  }

  /** The list credential as this node publishes it, read from the store (unsigned). */
  @Override
  public StatusListCredential list(URI url) throws IOException {
    String prefix = prefix();
    String text = url.toString();
    if (!text.startsWith(prefix)) throw new IOException("not a status list of this node: " + url);
    StatusListId id = inUse(text.substring(prefix.length()));
    return credential(id);
  }

  private String prefix() {
    return config.baseUrl() + "/status/";
  }

  /**
   * The list named {@code listName} (e.g. {@code 0-revocation}) signed in {@code format}, signed
   * once per change. Fails (not found) for a list the node never used.
   */
  String signed(String listName, CredentialFormat format) throws IOException {
    requireNonNull(format, "format");
    StatusListId id;
    try {
      id = inUse(listName);
    } catch (IOException e) {
      throw new CredentialServiceException(
          CredentialServiceException.Kind.NOT_FOUND, e.getMessage());
    }
    try {
      return signed.computeIfAbsent(new SignedListKey(id, format), this::sign);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private StatusListId inUse(String listName) throws IOException {
    return StatusListId.parse(listName)
        .filter(this::inUse)
        .orElseThrow(() -> new IOException("no status list " + UntrustedText.oneLine(listName)));
  }

  private boolean inUse(StatusListId id) {
    long reserved = allocator.reservedUpTo();
    return reserved > 0 && id.number() <= (reserved - 1) / config.statusListSize();
  }

  private StatusListCredential credential(StatusListId id) throws IOException {
    return new StatusListCredential(
        config.statusListUrl(id),
        config.issuerDid(),
        id.purpose(),
        store.snapshot(id.number(), id.purpose()),
        // No validFrom: a verifier whose clock is behind ours would refuse a fresh list.
        null,
        null);
  }

  private String sign(SignedListKey key) {
    try {
      StatusListCredential credential = credential(key.list());
      return key.format() == CredentialFormat.JWT
          ? signer.jwt(credential.toJson())
          : signer.dataIntegrity(credential.toJson(), clock.instant()).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The Token Status List {@code number}, derived from the revocation and suspension bits of that
   * list number: a revoked credential is INVALID, a suspended one SUSPENDED, any other VALID.
   */
  TokenStatusList tokenList(long number) throws IOException {
    StatusList revoked = store.snapshot(number, StatusPurpose.REVOCATION);
    StatusList suspended = store.snapshot(number, StatusPurpose.SUSPENSION);
    TokenStatusList list = TokenStatusList.create(2, revoked.size());
    for (int i = 0; i < revoked.size(); i++) {
      if (revoked.get(i)) list.set(i, TokenStatus.INVALID.value());
      else if (suspended.get(i)) list.set(i, TokenStatus.SUSPENDED.value());
    }
    return list;
  }

  /** Own token lists, read from the store (the node's verifier of its own SD-JWT VCs). */
  @Override
  public TokenStatusList list(URI uri, String issuerDid) throws IOException {
    String prefix = config.baseUrl() + CredentialConfig.TOKEN_STATUS_LIST_PATH;
    String text = uri.toString();
    if (!text.startsWith(prefix) || !config.issuerDid().equals(issuerDid)) {
      throw new IOException("not a token status list of this node: " + uri);
    }
    return tokenList(tokenListInUse(text.substring(prefix.length())));
  }

  /** The number of a token list in use, from its name (a decimal list number). */
  private long tokenListInUse(String name) throws IOException {
    long number;
    try {
      number = Long.parseLong(name);
    } catch (NumberFormatException e) {
      throw new IOException("no token status list " + name);
    }
    long reserved = allocator.reservedUpTo();
    if (number < 0 || reserved == 0 || number > (reserved - 1) / config.statusListSize()) {
      throw new IOException("no token status list " + name);
    }
    return number;
  }

  /**
   * The signed status list token of list {@code name}, cached until the list changes or half its
   * validity has passed. Fails (not found) for a list the node never used.
   */
  String token(String name) throws IOException {
    long number;
    try {
      number = tokenListInUse(name);
    } catch (IOException e) {
      throw new CredentialServiceException(
          CredentialServiceException.Kind.NOT_FOUND, e.getMessage());
    }
    Instant now = clock.instant();
    SignedToken cached = tokens.get(number);
    if (cached != null
        && now.isBefore(cached.issuedAt().plus(CredentialSigner.TOKEN_VALIDITY.dividedBy(2)))) {
      return cached.token();
    }
    synchronized (this) {
      String token =
          signer.statusListToken(
              config.issuerDid(), config.tokenStatusListUrl(number), tokenList(number), now);
      tokens.put(number, new SignedToken(token, now));
      return token;
    }
  }

  /**
   * Sets the revocation and suspension bits of a position to a state; true if a bit changed.
   * Synchronized with {@link #token} so that a token signed over the old bits is never cached
   * after.
   */
  synchronized boolean set(StatusListIndex at, CredentialState state) throws IOException {
    int changed = write(at, state);
    for (StatusPurpose purpose : StatusPurpose.values()) {
      for (CredentialFormat format : CredentialFormat.values()) {
        signed.remove(new SignedListKey(new StatusListId(at.list(), purpose), format));
      }
    }
    tokens.remove(at.list());
    return changed > 0;
  }

  // The two bits of a position for a state (revocation set when revoked, suspension when
  // suspended), both written; how many changed.
  private int write(StatusListIndex at, CredentialState state) throws IOException {
    boolean revoked = state == CredentialState.REVOKED;
    boolean suspended = state == CredentialState.SUSPENDED;
    int changed = 0;
    if (store.update(at.list(), StatusPurpose.REVOCATION, at.index(), revoked)) changed++;
    if (store.update(at.list(), StatusPurpose.SUSPENSION, at.index(), suspended)) changed++;
    return changed;
  }

  /**
   * Sets the bits from the journal of issued credentials. The journal is written before the bits,
   * so after a crash the journal is right.
   */
  void reconcile(List<IssuedRecord> records) throws IOException {
    int fixed = 0;
    for (IssuedRecord record : records) {
      fixed += write(record.position(), record.state());
    }
    if (fixed > 0) log.warn("status bits repaired from the journal [bits: {}]", fixed);
  }
}
