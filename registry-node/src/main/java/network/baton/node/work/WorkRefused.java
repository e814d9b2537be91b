package network.baton.node.work;

/**
 * A task refused by a full {@link WorkQueue}: {@code running} tasks of this kind run and {@code
 * waiting} more wait already; the client should try again in {@code retryAfterSeconds}.
 */
public final class WorkRefused extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String kind;
  private final long retryAfterSeconds;

  /** A refusal of kind work at a queue of running threads and waiting places. */
  public WorkRefused(String kind, int running, int waiting, long retryAfterSeconds) {
    super(
        "this node has as much "
            + kind
            + " work as it takes at once ("
            + running
            + " running, "
            + waiting
            + " waiting); try again in "
            + retryAfterSeconds
            + " s",
        null,
        false,
        false);
    if (retryAfterSeconds < 1) {
      throw new IllegalArgumentException("retry after must be at least 1 s: " + retryAfterSeconds);
    }
    this.kind = kind;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** The kind of work refused, e.g. "sparql". */
  public String kind() {
    return kind;
  }

  /** Seconds to wait before trying again. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
