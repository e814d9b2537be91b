package network.baton.node.config;

/**
 * The admission limits of one kind of work: how many tasks run at once ({@code threads}), how many
 * more may wait ({@code queue}; past that: 503 with Retry-After), and how many requests of this
 * kind one client may have in flight ({@code perClient}; past that: 429 with Retry-After).
 */
public record WorkLimit(int threads, int queue, int perClient) {
  public WorkLimit {
    if (threads < 1) {
      throw new ConfigException("threads must be at least 1: " + threads);
    }
    if (queue < 0) {
      throw new ConfigException("queue must not be negative: " + queue);
    }
    if (perClient < 1) {
      throw new ConfigException("perClient must be at least 1: " + perClient);
    }
  }
}
