package network.baton.credential.status;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands out status list positions in a random order, never the same one twice, also across restarts
 * and crashes.
 *
 * <p>Random: the n-th position of a list is at the n-th index of a {@link ListPermutation} drawn
 * from a secret key kept in the folder ({@value #KEY_FILE}, owner-only), so an index says nothing
 * about when or to whom a credential was issued. A list is used up completely before the next list
 * starts, so near-full lists simply roll over. A folder written before random allocation
 * (sequential indexes, no key) continues with random order at the next list.
 *
 * <p>Durable: the allocator counts positions handed out; they are reserved on disk in blocks before
 * any of them is handed out: the file holds the first position not yet reserved, written to a
 * temporary file, forced to disk and atomically moved over the old one (then the folder is forced).
 * After a restart allocation continues after the last reserved block, so a crash between allocating
 * and using a position wastes at most one block and never repeats a position. One process per
 * folder. Thread-safe.
 */
public final class IndexAllocator {

  /** The state file inside the folder. */
  public static final String STATE_FILE = "status-index-reserved";

  /** The secret that orders each list's indexes, inside the folder. */
  public static final String KEY_FILE = "status-index-key";

  private static final int KEY_BYTES = 32;

  private static final Logger log = LoggerFactory.getLogger(IndexAllocator.class);

  private final Path folder;
  private final int listSize;
  private final int blockSize;
  private final byte[] key;
  private long next;
  private long reserved;
  private long permutedList = -1;
  private ListPermutation permutation;

  private IndexAllocator(Path folder, int listSize, int blockSize, long reserved, byte[] key) {
    this.folder = folder;
    this.listSize = listSize;
    this.blockSize = blockSize;
    this.key = key;
    this.next = reserved;
    this.reserved = reserved;
  }

  /**
   * Opens (or starts) the allocator in {@code folder}, for lists of {@code listSize} entries,
   * reserving {@code blockSize} positions per disk write.
   */
  public static IndexAllocator open(Path folder, int listSize, int blockSize) throws IOException {
    requireNonNull(folder, "folder");
    if (listSize < 1 || blockSize < 1) {
      throw new IllegalArgumentException("list size and block size must be positive");
    }
    Files.createDirectories(folder);
    // Leftovers of a crash between writing and moving the state; the state file itself is intact.
    try (var leftovers = Files.newDirectoryStream(folder, "status-index-*.tmp")) {
      for (Path leftover : leftovers) {
        Files.deleteIfExists(leftover);
      }
    }
    long reserved;
    try {
      String text = Files.readString(folder.resolve(STATE_FILE), StandardCharsets.US_ASCII).trim();
      try {
        reserved = Long.parseLong(text);
      } catch (NumberFormatException e) {
        // Never guess: starting again from 0 would hand out used positions.
        throw new IOException(
            "status index state " + folder.resolve(STATE_FILE) + " is corrupt: '" + text + "'");
      }
      if (reserved < 0) {
        throw new IOException("status index state " + folder.resolve(STATE_FILE) + " is negative");
      }
    } catch (NoSuchFileException e) {
      reserved = 0;
    }
    byte[] key = readKey(folder);
    if (key == null) {
      // Indexes so far were sequential: a permutation of the same list could repeat one of them.
      // Start the next list (counter first, so a crash before the key is written stays safe).
      long nextList = (reserved + listSize - 1) / listSize * listSize;
      if (nextList != reserved) {
        log.warn(
            "status indexes were allocated in order; random allocation starts at list {}",
            nextList / listSize);
        persist(folder, nextList);
        reserved = nextList;
      }
      key = new byte[KEY_BYTES];
      new SecureRandom().nextBytes(key);
      writeKey(folder, key);
    }
    log.info("status index allocator opened [folder: {}, next: {}]", folder, reserved);
    return new IndexAllocator(folder, listSize, blockSize, reserved, key);
  }

  private static byte[] readKey(Path folder) throws IOException {
    Path file = folder.resolve(KEY_FILE);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII).trim();
    } catch (NoSuchFileException e) {
      return null;
    }
    try {
      byte[] key = HexFormat.of().parseHex(text);
      if (key.length != KEY_BYTES) throw new IllegalArgumentException("length " + key.length);
      return key;
    } catch (IllegalArgumentException e) {
      // Never replace it: a new key would reorder lists in use and repeat indexes.
      throw new IOException("status index key " + file + " is corrupt", e);
    }
  }

  private static void writeKey(Path folder, byte[] key) throws IOException {
    Path temp = Files.createTempFile(folder, KEY_FILE, ".tmp");
    try {
      try {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        log.debug("no POSIX permissions here; the key file keeps the folder's defaults");
      }
      writeForced(temp, HexFormat.of().formatHex(key) + "\n");
      Files.move(temp, folder.resolve(KEY_FILE), StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
    forceFolder(folder);
  }

  /** A position never handed out before by this folder's allocator. */
  public synchronized StatusListIndex allocate() throws IOException {
    if (next >= reserved) {
      long newReserved = Math.addExact(reserved, blockSize);
      persist(folder, newReserved);
      reserved = newReserved;
    }
    long position = next++;
    long list = position / listSize;
    if (list != permutedList) {
      permutation = ListPermutation.of(key, list, listSize);
      permutedList = list;
    }
    return new StatusListIndex(list, permutation.index((int) (position % listSize)));
  }

  /**
   * The number of positions handed out or reserved so far (the next allocation is at or after it).
   */
  public synchronized long reservedUpTo() {
    return reserved;
  }

  private static void persist(Path folder, long value) throws IOException {
    Path temp = Files.createTempFile(folder, STATE_FILE, ".tmp");
    try {
      writeForced(temp, value + "\n");
      Files.move(
          temp,
          folder.resolve(STATE_FILE),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
    forceFolder(folder);
  }

  private static void writeForced(Path file, String text) throws IOException {
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
      channel.force(true);
    }
  }

  private static void forceFolder(Path folder) {
    // Makes the rename durable on Linux; other systems may refuse to open a folder, which is
    // harmless.
    try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      log.debug("cannot force folder [folder: {}]", folder, e);
    }
  }
}
