package network.baton.credential.status;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The issuer's status lists on disk, one file of raw bits per list number and purpose, each change
 * written to a temporary file, forced and atomically moved into place, so a list survives restarts
 * and a crash leaves either the old or the new list. One process per folder. Thread-safe.
 */
public final class StatusListStore {

  private static final Logger log = LoggerFactory.getLogger(StatusListStore.class);

  private record Key(long list, StatusPurpose purpose) {}

  private final Path folder;
  private final int listSize;
  private final Map<Key, StatusList> loaded = new HashMap<>();

  private StatusListStore(Path folder, int listSize) {
    this.folder = folder;
    this.listSize = listSize;
  }

  /** Opens (or starts) the store in {@code folder} for lists of {@code listSize} entries. */
  public static StatusListStore open(Path folder, int listSize) throws IOException {
    requireNonNull(folder, "folder");
    StatusList.create(listSize); // validates the size
    Files.createDirectories(folder);
    return new StatusListStore(folder, listSize);
  }

  /** A copy of a list as it is now (all clear if it was never changed). */
  public synchronized StatusList snapshot(long list, StatusPurpose purpose) throws IOException {
    return current(new Key(list, purpose)).copy();
  }

  /** Sets or clears one entry and persists the list; false when it already had that value. */
  public synchronized boolean update(long list, StatusPurpose purpose, int index, boolean value)
      throws IOException {
    Key key = new Key(list, purpose);
    StatusList current = current(key);
    if (current.get(index) == value) {
      return false;
    }
    StatusList changed = current.copy();
    if (value) {
      changed.set(index);
    } else {
      changed.clear(index);
    }
    write(file(key), changed.toBytes());
    loaded.put(key, changed);
    log.info(
        "status changed [list: {}, purpose: {}, index: {}, set: {}]",
        list,
        purpose.value(),
        index,
        value);
    return true;
  }

  private StatusList current(Key key) throws IOException {
    StatusList list = loaded.get(key);
    if (list == null) {
      list = read(key);
      loaded.put(key, list);
    }
    return list;
  }

  private StatusList read(Key key) throws IOException {
    try {
      byte[] raw = Files.readAllBytes(file(key));
      if (raw.length * 8 != listSize) {
        throw new IOException(
            "status list file "
                + file(key)
                + " has "
                + raw.length * 8
                + " entries, expected "
                + listSize);
      }
      return StatusList.fromBytes(raw);
    } catch (NoSuchFileException e) {
      return StatusList.create(listSize);
    }
  }

  private Path file(Key key) {
    if (key.list() < 0) {
      throw new IllegalArgumentException("list number must not be negative: " + key.list());
    }
    return folder.resolve("list-" + key.list() + "-" + key.purpose().value() + ".bits");
  }

  private void write(Path target, byte[] raw) throws IOException {
    Path temp = Files.createTempFile(folder, target.getFileName().toString(), ".tmp");
    try {
      try (FileChannel channel =
          FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer buffer = ByteBuffer.wrap(raw);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
    try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      log.debug("cannot force folder [folder: {}]", folder, e);
    }
  }
}
