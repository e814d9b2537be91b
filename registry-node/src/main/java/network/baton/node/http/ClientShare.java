package network.baton.node.http;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import network.baton.credential.http.Problem;

/**
 * At most {@code perClient} requests of one kind in flight from one client address; one more is
 * answered 429 with Retry-After, so a single client cannot fill a queue that every client shares. A
 * request counts until its response ends or its connection closes. A platform handler, so it runs
 * before the body is buffered.
 */
public final class ClientShare implements PlatformHandler {

  private final String kind;
  private final int perClient;
  private final LongSupplier retryAfterSeconds;
  private final ClientAddresses clients;
  private final ConcurrentHashMap<String, Integer> inFlight = new ConcurrentHashMap<>();

  private ClientShare(
      String kind, int perClient, LongSupplier retryAfterSeconds, ClientAddresses clients) {
    this.kind = kind;
    this.perClient = perClient;
    this.retryAfterSeconds = retryAfterSeconds;
    this.clients = clients;
  }

  /**
   * A share of perClient requests of this kind per client (as clients tells them apart);
   * retryAfterSeconds tells refused clients when to try again.
   */
  public static ClientShare create(
      String kind, int perClient, LongSupplier retryAfterSeconds, ClientAddresses clients) {
    if (perClient < 1) {
      throw new IllegalArgumentException("perClient must be at least 1: " + perClient);
    }
    return new ClientShare(kind, perClient, retryAfterSeconds, clients);
  }

  @Override
  public void handle(RoutingContext rc) {
    String client = clients.of(rc.request());
    int count = inFlight.merge(client, 1, Integer::sum);
    if (count > perClient) {
      release(client);
      rc.fail(
          Problem.tooManyRequests(
              "this client has "
                  + perClient
                  + " "
                  + kind
                  + " request"
                  + (perClient == 1 ? "" : "s")
                  + " in flight already, the most this node takes from one client",
              retryAfterSeconds.getAsLong()));
      return;
    }
    rc.addEndHandler(done -> release(client));
    rc.next();
  }

  /** Clients with requests in flight now (for tests and metrics). */
  public int clients() {
    return inFlight.size();
  }

  private void release(String client) {
    inFlight.computeIfPresent(client, (key, n) -> n <= 1 ? null : n - 1);
  }
}
