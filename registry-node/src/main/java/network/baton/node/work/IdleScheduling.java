package network.baton.node.work;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the calling thread under Linux's {@code SCHED_IDLE} policy: it runs only on CPU time no
 * other thread wants, and a CPU running only such threads counts as idle when another thread wakes
 * up, so that thread starts at once instead of waiting for a busy core. For SPARQL, the one kind of
 * work a client can make as costly as the time limit allows. Measured with {@code ./baton bench
 * abuse} on 2 cores (16 honest clients, 4 attackers): honest clients' search p99 under attack was
 * 1.3x, 2.4x and 1.5x of the same without the attack in three runs, and 5.5x and 4.2x in two runs
 * of the same build without {@code chrt} on the PATH.
 *
 * <p>Written by hand because neither the JDK nor a library on the class path can set a thread's
 * scheduling policy: the thread learns its own id from {@code /proc/thread-self} and runs
 * util-linux's {@code chrt --idle -p 0 <tid>} once (any user may move a thread of their own to
 * SCHED_IDLE). Where that is not possible (not Linux, no chrt) the thread keeps its normal
 * scheduling and the node says so once.
 */
final class IdleScheduling {

  private static final Logger log = LoggerFactory.getLogger(IdleScheduling.class);
  private static final Path THREAD_SELF = Path.of("/proc/thread-self");
  private static final ThreadLocal<Boolean> APPLIED = ThreadLocal.withInitial(() -> false);
  private static final AtomicBoolean WARNED = new AtomicBoolean();

  private IdleScheduling() {}

  /** Moves the calling thread to SCHED_IDLE, once per thread; says once if that is not possible. */
  static void applyToCurrentThread() {
    if (APPLIED.get()) {
      return;
    }
    APPLIED.set(true);
    String reason = apply();
    if (reason != null && WARNED.compareAndSet(false, true)) {
      log.info(
          "background work keeps normal CPU scheduling [thread: {}, reason: {}]",
          Thread.currentThread().getName(),
          reason);
    }
  }

  /** Whether the calling thread runs under SCHED_IDLE now (false where that cannot be told). */
  static boolean isIdle() {
    try {
      String stat = Files.readString(THREAD_SELF.resolve("stat"));
      // Fields after the command name, which is in parentheses and may hold spaces: the policy is
      // field 41 of the whole line, 39 after the name.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Integer.parseInt(fields[38]) == 5;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static String apply() {
    String tid;
    try {
      tid = Files.readSymbolicLink(THREAD_SELF).getFileName().toString();
    } catch (IOException | UnsupportedOperationException e) {
      return "no /proc/thread-self (not Linux)";
    }
    try {
      Process chrt =
          new ProcessBuilder("chrt", "--idle", "-p", "0", tid)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!chrt.waitFor(5, TimeUnit.SECONDS)) {
        chrt.destroyForcibly();
        return "chrt did not finish";
      }
      return chrt.exitValue() == 0 ? null : "chrt exited with " + chrt.exitValue();
    } catch (IOException e) {
      return "chrt (util-linux) is not available: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }
}
