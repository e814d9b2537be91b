package network.baton.credential.service;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import network.baton.credential.status.IndexAllocator;
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
 * Thread-safe.
 */
final class NodeStatusLists implements StatusListSource {
  private static final Logger log = LoggerFactory.getLogger(NodeStatusLists.class);

  private record SignedListKey(StatusListId list, CredentialFormat format) {}

  private final CredentialConfig config;
  private final IndexAllocator allocator;
  private final StatusListStore store;
  private final CredentialSigner signer;
  private final Clock clock;
  private final Map<SignedListKey, String> signed = new ConcurrentHashMap<>();

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

  /** Sets the revocation and suspension bits of a position to a state; true if a bit changed. */
  boolean set(StatusListIndex at, CredentialState state) throws IOException {
    int changed = write(at, state);
    for (StatusPurpose purpose : StatusPurpose.values()) {
      for (CredentialFormat format : CredentialFormat.values()) {
        signed.remove(new SignedListKey(new StatusListId(at.list(), purpose), format));
      }
    }
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
