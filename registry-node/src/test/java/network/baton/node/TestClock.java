package network.baton.node;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that stands still until the test moves it, so a test passes time instead of sleeping. */
public final class TestClock extends Clock {

  private final AtomicReference<Instant> now;

  /** A clock standing at this instant. */
  public TestClock(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  /** A clock standing at the system's time now. */
  public static TestClock atSystemTime() {
    return new TestClock(Instant.now());
  }

  /** Moves the clock forward. */
  public void advance(Duration by) {
    now.updateAndGet(instant -> instant.plus(by));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("a test clock stays in UTC");
  }
}
