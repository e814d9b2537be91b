package network.baton.node.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How many wrong admin tokens one client address may send ({@code adminTokenFailures}) within a
 * window ({@code adminTokenFailureWindow}, counted from its first failure) before the node answers
 * its admin requests 429 until the window ends.
 */
public record AdminLockout(int failures, Duration window) {

  /** Default: 10 wrong tokens per client address per minute. */
  public static final int DEFAULT_FAILURES = 10;

  /** Default window. */
  public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(1);

  public AdminLockout {
    if (failures < 1) {
      throw new ConfigException("adminTokenFailures must be at least 1: " + failures);
    }
    requireNonNull(window, "window");
    if (window.isNegative() || window.isZero()) {
      throw new ConfigException("adminTokenFailureWindow must be positive: " + window);
    }
  }

  /** 10 failures a minute. */
  public static AdminLockout defaults() {
    return new AdminLockout(DEFAULT_FAILURES, DEFAULT_WINDOW);
  }
}
