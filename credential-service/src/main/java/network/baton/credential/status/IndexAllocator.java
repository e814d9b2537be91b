package network.baton.credential.status;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands out status list positions that are never handed out again, also across restarts and
 * crashes.
 *
 * <p>Positions are reserved on disk in blocks before any of them is handed out: the file holds the
 * first position not yet reserved, written to a temporary file, forced to disk and atomically moved
 * over the old one (then the folder is forced). After a restart allocation continues after the last
 * reserved block, so a crash between allocating and using a position wastes at most one block and
 * never repeats a position. One process per folder. Thread-safe.
 */
public final class IndexAllocator {

  /** The state file inside the folder. */
  public static final String STATE_FILE = "status-index-reserved";

  private static final Logger log = LoggerFactory.getLogger(IndexAllocator.class);

  private final Path folder;
  private final Path state;
  private final int listSize;
  private final int blockSize;
  private long next;
  private long reserved;

  private IndexAllocator(Path folder, int listSize, int blockSize, long reserved) {
    this.folder = folder;
    this.state = folder.resolve(STATE_FILE);
    this.listSize = listSize;
    this.blockSize = blockSize;
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
    try (var leftovers = Files.newDirectoryStream(folder, STATE_FILE + "*.tmp")) {
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
    log.info("status index allocator opened [folder: {}, next: {}]", folder, reserved);
    return new IndexAllocator(folder, listSize, blockSize, reserved);
  }

  /** A position never handed out before by this folder's allocator. */
  public synchronized StatusListIndex allocate() throws IOException {
    if (next >= reserved) {
      long newReserved = Math.addExact(reserved, blockSize);
      persist(newReserved);
      reserved = newReserved;
    }
    long position = next++;
    return new StatusListIndex(position / listSize, (int) (position % listSize));
  }

  /**
   * The number of positions handed out or reserved so far (the next allocation is at or after it).
   */
  public synchronized long reservedUpTo() {
    return reserved;
  }

  private void persist(long value) throws IOException {
    Path temp = Files.createTempFile(folder, STATE_FILE, ".tmp");
    try {
      try (FileChannel channel =
          FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        channel.write(java.nio.ByteBuffer.wrap((value + "\n").getBytes(StandardCharsets.US_ASCII)));
        channel.force(true);
      }
      Files.move(temp, state, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
    forceFolder();
  }

  private void forceFolder() {
    // Makes the rename durable on Linux; other systems may refuse to open a folder, which is
    // harmless.
    try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      log.debug("cannot force folder [folder: {}]", folder, e);
    }
  }
}
