package network.baton.node;

import java.time.Instant;
import network.baton.credential.status.MutableClock;

/**
 * The node tests' clock: it stands still until the test moves it, so tests pass time, not sleep.
 */
public final class TestClock extends MutableClock {

  /** A clock standing at this instant. */
  public TestClock(Instant start) {
    super(start);
  }

  /** A clock standing at the system's time now. */
  public static TestClock atSystemTime() {
    return new TestClock(Instant.now());
  }
}
