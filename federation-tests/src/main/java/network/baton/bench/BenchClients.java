package network.baton.bench;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * A benchmark's clients: the HTTP client they send with, and waiting for their threads (a failed
 * client or an interrupt fails the run).
 */
final class BenchClients {
  private BenchClients() {}

  /** A new HTTP/1.1 client (one connection per request in flight), 5 s to connect. */
  static HttpClient http() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

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
