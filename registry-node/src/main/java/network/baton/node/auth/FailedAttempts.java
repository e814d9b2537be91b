package network.baton.node.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import network.baton.node.config.AdminLockout;

/**
 * Wrong admin tokens per client address, each client's counted in a window from its first failure:
 * at the limit, the client is blocked until its window ends. The table holds at most {@link
 * #MAX_CLIENTS} clients (the least recently seen are dropped first) and forgets a client a window
 * after its last failure, so a flood of addresses costs bounded memory. Thread-safe.
 */
public final class FailedAttempts {

  /** Most clients remembered at once (about a hundred bytes each). */
  public static final int MAX_CLIENTS = 10_000;

  private record Window(long startNanos, int failures) {}

  private final int limit;
  private final long windowNanos;
  private final LongSupplier nanoTime;
  private final Cache<String, Window> clients;

  /** Attempts limited as lockout says, on the clock nanoTime (System::nanoTime, or a test's). */
  public FailedAttempts(AdminLockout lockout, LongSupplier nanoTime) {
    this.limit = lockout.failures();
    this.windowNanos = lockout.window().toNanos();
    this.nanoTime = nanoTime;
    this.clients =
        Caffeine.newBuilder()
            .maximumSize(MAX_CLIENTS)
            .expireAfterWrite(windowNanos, TimeUnit.NANOSECONDS)
            .ticker(nanoTime::getAsLong)
            .executor(Runnable::run)
            .build();
  }

  /**
   * Attempts limited as lockout says, on this clock's time (the node's clock, which a test moves
   * instead of waiting for a window to pass).
   */
  public static FailedAttempts on(AdminLockout lockout, Clock clock) {
    return new FailedAttempts(
        lockout,
        () -> {
          Instant now = clock.instant();
          return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        });
  }

  /** How long this client stays blocked (zero when it may try a token). */
  public Duration blockedFor(String client) {
    Window window = clients.getIfPresent(client);
    long now = nanoTime.getAsLong();
    if (window == null || window.failures() < limit || now - window.startNanos() >= windowNanos) {
      return Duration.ZERO;
    }
    return Duration.ofNanos(window.startNanos() + windowNanos - now);
  }

  /** Counts a wrong token; true when this one reached the limit (the client is now blocked). */
  public boolean failed(String client) {
    long now = nanoTime.getAsLong();
    Window window =
        clients
            .asMap()
            .compute(
                client,
                (key, old) ->
                    old == null || now - old.startNanos() >= windowNanos
                        ? new Window(now, 1)
                        : new Window(old.startNanos(), old.failures() + 1));
    return window.failures() == limit;
  }

  /** Forgets the client's failures (it sent an accepted token). */
  public void succeeded(String client) {
    clients.invalidate(client);
  }

  /** Clients remembered now (for tests and metrics). */
  public long clients() {
    clients.cleanUp();
    return clients.estimatedSize();
  }

  /** The limit of failures per window. */
  public int limit() {
    return limit;
  }
}
