package network.baton.credential.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import network.baton.credential.status.StatusListIndex;
import network.baton.credential.status.StatusPurpose;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The credentials a node issued, as an append-only JSON-lines journal ({@code issued.jsonl}) that
 * is on disk before a write returns and replayed at start. Concurrent writes share one force (group
 * commit): a caller waits only for a force that began after its line was written. One line per
 * event: {@code issued} (id, status position, holder DID, achievement, time) or {@code state} (id,
 * new state). A last line cut short by a crash is dropped on replay; a broken line elsewhere stops
 * the start (never guess). Written by hand: the journal is twenty lines over a FileChannel, no
 * library needed. One process per folder. Thread-safe.
 */
public final class IssuedCredentials implements Closeable {
  /** The journal file inside the folder. */
  public static final String JOURNAL = "issued.jsonl";

  private static final Logger log = LoggerFactory.getLogger(IssuedCredentials.class);

  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, IssuedRecord> records = new LinkedHashMap<>();
  private final FileChannel journal;
  private final Object forceLock = new Object();
  private long written; // events written to the channel; guarded by this
  private long durable; // events known to be on disk; guarded by forceLock

  private IssuedCredentials(FileChannel journal) {
    this.journal = journal;
  }

  /** Opens (or starts) the journal in {@code folder} and replays it. */
  public static IssuedCredentials open(Path folder) throws IOException {
    requireNonNull(folder, "folder");
    Files.createDirectories(folder);
    Path file = folder.resolve(JOURNAL);
    FileChannel channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    IssuedCredentials store = new IssuedCredentials(channel);
    try {
      store.replay(file);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    log.info("issued credentials loaded [folder: {}, count: {}]", folder, store.records.size());
    return store;
  }

  private void replay(Path file) throws IOException {
    byte[] all = Files.readAllBytes(file);
    int start = 0;
    int lineNumber = 0;
    while (start < all.length) {
      int end = start;
      while (end < all.length && all[end] != '\n') end++;
      lineNumber++;
      if (end == all.length) {
        // No newline: the last write was cut short by a crash; it was never acknowledged.
        log.warn("dropping an unfinished last journal line [file: {}, line: {}]", file, lineNumber);
        journal.truncate(start);
        journal.force(true);
        break;
      }
      String line = new String(all, start, end - start, UTF_8);
      if (!line.isBlank()) {
        try {
          apply(json.readTree(line));
        } catch (JsonProcessingException | RuntimeException e) {
          throw new IOException(
              "issued credentials journal " + file + " is broken at line " + lineNumber, e);
        }
      }
      start = end + 1;
    }
    journal.position(journal.size());
  }

  private void apply(JsonNode event) {
    String id = event.path("id").asText(null);
    switch (event.path("event").asText("")) {
      case "issued" ->
          records.put(
              id,
              new IssuedRecord(
                  id,
                  new StatusListIndex(event.path("list").asLong(-1), event.path("index").asInt(-1)),
                  event.path("holder").asText(null),
                  event.path("achievement").asText(null),
                  Instant.parse(event.path("issuedAt").asText()),
                  CredentialState.ACTIVE,
                  purposes(event.get("purposes"))));
      case "state" -> {
        IssuedRecord record = records.get(id);
        if (record == null) throw new IllegalStateException("state change for unknown " + id);
        records.put(id, record.withState(CredentialState.parse(event.path("state").asText())));
      }
      default -> throw new IllegalStateException("unknown event " + event.path("event"));
    }
  }

  // Journals written before purposes were kept: every credential carried both entries.
  private static Set<StatusPurpose> purposes(JsonNode written) {
    if (written == null || !written.isArray()) return EnumSet.allOf(StatusPurpose.class);
    Set<StatusPurpose> purposes = EnumSet.noneOf(StatusPurpose.class);
    written.forEach(p -> purposes.add(StatusPurpose.parse(p.asText())));
    return purposes;
  }

  /** Records a newly issued credential (state active); its id must be new. */
  public void add(IssuedRecord record) throws IOException {
    requireNonNull(record, "record");
    long sequence;
    synchronized (this) {
      if (records.containsKey(record.credentialId())) {
        throw new IllegalArgumentException(
            "credential " + record.credentialId() + " already recorded");
      }
      ObjectNode event = json.createObjectNode();
      event.put("event", "issued");
      event.put("id", record.credentialId());
      event.put("list", record.position().list());
      event.put("index", record.position().index());
      event.put("holder", record.holderDid());
      event.put("achievement", record.achievementIri());
      event.put("issuedAt", record.issuedAt().toString());
      if (!record.purposes().equals(EnumSet.allOf(StatusPurpose.class))) {
        ArrayNode purposes = event.putArray("purposes");
        record.purposes().stream().sorted().forEach(p -> purposes.add(p.value()));
      }
      sequence = write(event);
      records.put(record.credentialId(), record.withState(CredentialState.ACTIVE));
    }
    forceThrough(sequence);
  }

  /** Records a new state for an issued credential and returns the updated record. */
  public IssuedRecord setState(String credentialId, CredentialState state) throws IOException {
    IssuedRecord changed;
    long sequence;
    synchronized (this) {
      IssuedRecord record = records.get(credentialId);
      if (record == null) {
        throw new IllegalArgumentException("no issued credential " + credentialId);
      }
      if (record.state() == state) return record;
      ObjectNode event = json.createObjectNode();
      event.put("event", "state");
      event.put("id", credentialId);
      event.put("state", state.value());
      sequence = write(event);
      changed = record.withState(state);
      records.put(credentialId, changed);
    }
    forceThrough(sequence);
    return changed;
  }

  /** The record of an issued credential. */
  public synchronized Optional<IssuedRecord> find(String credentialId) {
    return Optional.ofNullable(records.get(credentialId));
  }

  /** Every record, in the order issued. */
  public synchronized List<IssuedRecord> all() {
    return List.copyOf(records.values());
  }

  /** Writes one event line (caller holds this lock) and returns its sequence number. */
  private long write(ObjectNode event) throws IOException {
    ByteBuffer line = ByteBuffer.wrap((json.writeValueAsString(event) + "\n").getBytes(UTF_8));
    while (line.hasRemaining()) journal.write(line);
    return ++written;
  }

  /**
   * Returns once event {@code sequence} is on disk. One force covers every line written before it
   * starts, so callers that queue here behind a force in progress usually find their line already
   * durable when it ends: N concurrent issuers cost far fewer than N forces.
   */
  private void forceThrough(long sequence) throws IOException {
    synchronized (forceLock) {
      if (durable >= sequence) return;
      long target;
      synchronized (this) {
        target = written;
      }
      journal.force(false);
      durable = target;
    }
  }

  @Override
  public synchronized void close() throws IOException {
    journal.close();
  }
}
