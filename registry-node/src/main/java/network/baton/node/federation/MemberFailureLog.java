package network.baton.node.federation;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's log of failing members: a member's failure is one WARN line naming the member (DID,
 * name, URL), the call and the reason, without a stack trace (a member that is down, slow or broken
 * is expected on a network, not a bug here). Per member, the first failure is logged, then at most
 * one line per interval, saying how many failures went unlogged meanwhile; every failure is also at
 * DEBUG. Thread-safe; one per node, shared by everything that calls members.
 */
public final class MemberFailureLog {

  private static final Logger log = LoggerFactory.getLogger(MemberFailureLog.class);

  /** The default: at most one line per member per minute. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);

  /** When a member's last line was written and how many failures came since. */
  private record Window(Instant lastLine, long unlogged) {}

  private final Clock clock;
  private final Duration interval;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  /** A log writing at most one line per member per interval, by the clock. */
  public MemberFailureLog(Clock clock, Duration interval) {
    this.clock = requireNonNull(clock, "clock");
    this.interval = requireNonNull(interval, "interval");
    if (interval.isNegative()) {
      throw new IllegalArgumentException("interval must not be negative: " + interval);
    }
  }

  /** One line per member per minute, by the system clock. */
  public static MemberFailureLog create() {
    return new MemberFailureLog(Clock.systemUTC(), DEFAULT_INTERVAL);
  }

  /**
   * Notes that {@code call} (e.g. "search", "sparql", "membership") to member failed for {@code
   * reason} (plain words, see {@link FailureReason}).
   */
  public void failed(Member member, String call, String reason) {
    Instant now = clock.instant();
    long[] unlogged = {-1};
    windows.compute(
        member.did() + ' ' + member.baseUrl(),
        (key, last) -> {
          if (last == null || !now.isBefore(last.lastLine().plus(interval))) {
            unlogged[0] = last == null ? 0 : last.unlogged();
            return new Window(now, 0);
          }
          return new Window(last.lastLine(), last.unlogged() + 1);
        });
    String safeReason = FailureReason.quote(reason);
    if (unlogged[0] >= 0) {
      log.warn(
          "member call failed [member: {}, name: {}, url: {}, call: {}, reason: {},"
              + " failures not logged since its last line: {}]",
          member.did(),
          member.name().isEmpty() ? "-" : FailureReason.quote(member.name()),
          member.baseUrl(),
          call,
          safeReason,
          unlogged[0]);
    } else {
      log.debug(
          "member call failed [member: {}, url: {}, call: {}, reason: {}]",
          member.did(),
          member.baseUrl(),
          call,
          safeReason);
    }
  }
}
