package network.baton.node.openid4vci;

import static java.util.Objects.requireNonNull;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The node's credential offers in one JSON file ({@code {dataDir}/openid4vci/offers.json}), held in
 * memory and written whole on every change: to a temporary file, forced to disk and moved in place,
 * so a crash leaves the old file or the new one, never half of one. An offer is forgotten a day
 * after it expired or was redeemed (the page can say so until then); at most {@code maxOpen} offers
 * are open at a time. Blocking (file writes): call it off the event loop. Thread-safe.
 */
public final class OfferStore {

  /** Thrown when staff would open more offers than the store holds. */
  public static final class TooManyOffers extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooManyOffers(int max) {
      super("there are " + max + " open offers already, the most the node keeps; let some expire");
    }
  }

  private static final Duration KEPT_AFTER_END = Duration.ofDays(1);

  private final Path file;
  private final int maxOpen;
  private final Map<String, StoredOffer> byId = new LinkedHashMap<>();
  private final Map<String, String> idByCodeHash = new LinkedHashMap<>();

  private OfferStore(Path file, int maxOpen) {
    this.file = file;
    this.maxOpen = maxOpen;
  }

  /** The store in {@code folder}, reading the offers file there if there is one. */
  public static OfferStore open(Path folder, int maxOpen) throws IOException {
    requireNonNull(folder, "folder");
    if (maxOpen < 1) throw new IllegalArgumentException("maxOpen must be positive");
    Files.createDirectories(folder);
    OfferStore store = new OfferStore(folder.resolve("offers.json"), maxOpen);
    if (Files.exists(store.file)) {
      try {
        JsonArray offers =
            new JsonObject(Files.readString(store.file, StandardCharsets.UTF_8))
                .getJsonArray("offers", new JsonArray());
        for (int i = 0; i < offers.size(); i++) {
          store.put(StoredOffer.fromJson(offers.getJsonObject(i)));
        }
      } catch (DecodeException
          | ClassCastException
          | IllegalArgumentException
          | NullPointerException
          | java.time.format.DateTimeParseException e) {
        throw new IOException(
            "the offers file " + store.file + " is damaged: " + e.getMessage(), e);
      }
    }
    return store;
  }

  /** Adds a new offer; fails with {@link TooManyOffers} when {@code maxOpen} are open. */
  public synchronized void add(StoredOffer offer, Instant now) {
    requireNonNull(offer, "offer");
    forgetOld(now);
    long open = byId.values().stream().filter(o -> o.open(now)).count();
    if (open >= maxOpen) throw new TooManyOffers(maxOpen);
    put(offer);
    save();
  }

  /** The offer with this public id. */
  public synchronized Optional<StoredOffer> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The offer whose pre-authorized code hashes to this. */
  public synchronized Optional<StoredOffer> byCodeHash(String codeHash) {
    String id = idByCodeHash.get(codeHash);
    return id == null ? Optional.empty() : byId(id);
  }

  /**
   * Replaces the offer with what {@code change} makes of it, written to disk before this returns (a
   * redeemed offer stays redeemed across a crash); the offer as changed.
   */
  public synchronized StoredOffer update(String id, UnaryOperator<StoredOffer> change) {
    StoredOffer current = byId.get(id);
    if (current == null) throw new IllegalStateException("no offer " + id);
    StoredOffer changed = change.apply(current);
    if (!changed.id().equals(id) || !changed.codeHash().equals(current.codeHash())) {
      throw new IllegalArgumentException("an offer keeps its id and code");
    }
    byId.put(id, changed);
    save();
    return changed;
  }

  /** How many offers the store holds (open or not). */
  public synchronized int size() {
    return byId.size();
  }

  private void put(StoredOffer offer) {
    byId.put(offer.id(), offer);
    idByCodeHash.put(offer.codeHash(), offer.id());
  }

  private void forgetOld(Instant now) {
    List<String> old = new ArrayList<>();
    for (StoredOffer offer : byId.values()) {
      Instant end = offer.redeemed() != null ? offer.redeemed() : offer.expires();
      if (end.plus(KEPT_AFTER_END).isBefore(now)) old.add(offer.id());
    }
    for (String id : old) {
      idByCodeHash.remove(byId.remove(id).codeHash());
    }
  }

  private void save() {
    JsonArray offers = new JsonArray();
    byId.values().forEach(offer -> offers.add(offer.toJson()));
    byte[] bytes =
        new JsonObject().put("offers", offers).encodePrettily().getBytes(StandardCharsets.UTF_8);
    try {
      Path temp = Files.createTempFile(file.getParent(), "offers-", ".tmp");
      try {
        try (var channel =
            java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE)) {
          java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
          while (buffer.hasRemaining()) channel.write(buffer);
          channel.force(true);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the offers to " + file, e);
    }
  }
}
