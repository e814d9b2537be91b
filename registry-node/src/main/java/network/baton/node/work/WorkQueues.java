package network.baton.node.work;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import network.baton.node.config.WorkLimits;
import network.baton.node.http.ClientAddresses;
import network.baton.node.http.ClientShare;

/**
 * The node's work queues, one per kind of work (see {@link WorkLimits}), each with its own threads
 * and bound; {@link #share} gives a route the per-client limit of a kind.
 */
public record WorkQueues(
    WorkQueue sparql,
    WorkQueue search,
    WorkQueue read,
    WorkQueue write,
    WorkQueue credentials,
    ClientAddresses clients) {

  /**
   * Queues with these limits, telling clients apart by clients; a task running past maxExecuteTime
   * is logged by Vert.x.
   */
  public static WorkQueues create(
      Vertx vertx, WorkLimits limits, Duration maxExecuteTime, ClientAddresses clients) {
    return new WorkQueues(
        // SPARQL is the one kind of work a client can make as costly as the time limit allows: it
        // runs on CPU time no other kind of work wants.
        WorkQueue.create(vertx, "sparql", limits.sparql(), maxExecuteTime, true),
        WorkQueue.create(vertx, "search", limits.search(), maxExecuteTime),
        WorkQueue.create(vertx, "read", limits.read(), maxExecuteTime),
        WorkQueue.create(vertx, "write", limits.write(), maxExecuteTime),
        WorkQueue.create(vertx, "credentials", limits.credentials(), maxExecuteTime),
        clients);
  }

  /** A route handler giving each client its share of this queue ({@code perClient} in flight). */
  public ClientShare share(WorkQueue queue) {
    return ClientShare.create(
        queue.kind(), queue.limit().perClient(), queue::retryAfterSeconds, clients);
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
