package network.baton.node.work;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import network.baton.node.config.WorkLimits;
import network.baton.node.http.ClientAddresses;
import network.baton.node.http.ClientShare;

/**
 * The node's work queues, one per kind of work (see {@link WorkLimits}), each with its own threads
 * and bound; {@link #share} gives a route or a page the per-client limit of a kind, one share per
 * kind for the whole node, so a client's API requests and page requests count together.
 */
public record WorkQueues(
    WorkQueue sparql,
    WorkQueue search,
    WorkQueue read,
    WorkQueue write,
    WorkQueue credentials,
    ClientAddresses clients,
    Map<String, ClientShare> shares) {

  public WorkQueues {
    shares = Map.copyOf(shares);
  }

  /**
   * Queues with these limits, telling clients apart by clients; a task running past maxExecuteTime
   * is logged by Vert.x.
   */
  public static WorkQueues create(
      Vertx vertx, WorkLimits limits, Duration maxExecuteTime, ClientAddresses clients) {
    return of(
        // SPARQL is the one kind of work a client can make as costly as the time limit allows: it
        // runs on CPU time no other kind of work wants.
        WorkQueue.create(vertx, "sparql", limits.sparql(), maxExecuteTime, true),
        WorkQueue.create(vertx, "search", limits.search(), maxExecuteTime),
        WorkQueue.create(vertx, "read", limits.read(), maxExecuteTime),
        WorkQueue.create(vertx, "write", limits.write(), maxExecuteTime),
        WorkQueue.create(vertx, "credentials", limits.credentials(), maxExecuteTime),
        clients);
  }

  private static WorkQueues of(
      WorkQueue sparql,
      WorkQueue search,
      WorkQueue read,
      WorkQueue write,
      WorkQueue credentials,
      ClientAddresses clients) {
    Map<String, ClientShare> shares = new HashMap<>();
    for (WorkQueue queue : List.of(sparql, search, read, write, credentials)) {
      shares.put(
          queue.kind(),
          ClientShare.create(
              queue.kind(), queue.limit().perClient(), queue::retryAfterSeconds, clients));
    }
    return new WorkQueues(sparql, search, read, write, credentials, clients, shares);
  }

  /**
   * The handler giving each client its share of this queue ({@code perClient} in flight): the same
   * one for every route and page that asks.
   */
  public ClientShare share(WorkQueue queue) {
    ClientShare share = shares.get(queue.kind());
    if (share == null || !all().contains(queue)) {
      throw new IllegalArgumentException("not a queue of this node: " + queue.kind());
    }
    return share;
  }

  /** Every queue. */
  public List<WorkQueue> all() {
    return List.of(sparql, search, read, write, credentials);
  }

  /** Closes every queue's threads. */
  public Future<Void> close() {
    return Future.join(all().stream().map(WorkQueue::close).toList()).mapEmpty();
  }
}
