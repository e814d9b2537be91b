package network.baton.node.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.tdb2.sys.DatabaseConnection;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * Refuses to touch a data folder whose store a running node holds. TDB2 would share an open store
 * within one JVM and only fail late (or, after a probe of its lock, not at all) across processes,
 * so the folder is checked read-only first: TDB2's in-process lock, the text index's Lucene write
 * lock (which Lucene releases cleanly after a probe), and the process id TDB2 writes in tdb.lock.
 */
public final class DataDirGuard {

  private static final String HINT =
      "stop the node first, or import through it with --node URL --token T";

  private DataDirGuard() {}

  /** Fails with DataDirInUseException if a live node (this or another process) holds the store. */
  public static void requireNotInUse(Path dataDir) {
    Path tdb = dataDir.resolve("tdb2");
    Path lockFile = tdb.resolve("tdb.lock");
    if (Files.exists(lockFile)
        && DatabaseConnection.lockForLocation(Location.create(tdb.toString())).isLockedHere()) {
      throw new DataDirInUseException(
          "the store in " + dataDir + " is open in a running node (this process); " + HINT);
    }
    Path index = dataDir.resolve("text-index");
    if (Files.exists(index.resolve("write.lock"))) {
      try (Directory directory = FSDirectory.open(index);
          Lock probe = directory.obtainLock("write.lock")) {
        probe.ensureValid();
      } catch (LockObtainFailedException e) {
        throw new DataDirInUseException(
            "the store in "
                + dataDir
                + " is open in a running node ("
                + e.getMessage()
                + "); "
                + HINT);
      } catch (IOException e) {
        throw new DataDirInUseException(
            "cannot check the text index in " + dataDir + ": " + e.getMessage());
      }
    }
    holderPid(lockFile)
        .filter(pid -> pid != ProcessHandle.current().pid())
        .flatMap(ProcessHandle::of)
        .filter(ProcessHandle::isAlive)
        .ifPresent(
            holder -> {
              throw new DataDirInUseException(
                  "the store in "
                      + dataDir
                      + " is locked by process "
                      + holder.pid()
                      + " (a running node?); "
                      + HINT);
            });
  }

  private static Optional<Long> holderPid(Path lockFile) {
    try {
      String text = Files.readString(lockFile, StandardCharsets.US_ASCII).strip();
      return text.matches("\\d{1,10}") ? Optional.of(Long.parseLong(text)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
