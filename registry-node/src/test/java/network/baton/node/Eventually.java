package network.baton.node;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition that another thread or node brings about, checking it every few
 * milliseconds up to a deadline: a test states what it waits for instead of sleeping a guessed
 * time.
 */
public final class Eventually {

  private static final long POLL_NANOS = Duration.ofMillis(10).toNanos();

  private Eventually() {}

  /** Returns once condition holds; fails naming what it waited for when timeout passes first. */
  public static void until(String what, Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("not within " + timeout.toMillis() + " ms: " + what);
      }
      LockSupport.parkNanos(POLL_NANOS);
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting: " + what);
      }
    }
  }
}
