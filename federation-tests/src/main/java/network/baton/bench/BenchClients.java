package network.baton.bench;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for a benchmark's client threads: a failed client or an interrupt fails the run. */
final class BenchClients {
  private BenchClients() {}

  /** What the client returned once it is done. */
  static <T> T join(Future<T> client) {
    try {
      return client.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a client failed: " + e.getCause(), e.getCause());
    }
  }
}
