package network.baton.node;

import static java.util.Objects.requireNonNull;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import network.baton.credential.http.ProblemHandler;
import network.baton.node.config.NodeConfig;
import network.baton.node.store.ResourceStore;
import network.baton.node.work.WorkQueues;

/**
 * What a running node shares with its extensions: config, the store, the work queues (one per kind
 * of work, each bounded), the one size-limited body handler, the admin-token check for writes, the
 * services the node's parts offer each other in-process, the failure handler that turns failures
 * into problems (pages use it to render theirs), and the clock every time-dependent part reads
 * (credential validity, status list caches, stored times).
 */
public record NodeContext(
    Vertx vertx,
    NodeConfig config,
    ResourceStore store,
    WorkQueues work,
    Handler<RoutingContext> bodyHandler,
    Handler<RoutingContext> adminHandler,
    NodeServices services,
    ProblemHandler problems,
    Clock clock) {
  public NodeContext {
    requireNonNull(vertx, "vertx");
    requireNonNull(config, "config");
    requireNonNull(store, "store");
    requireNonNull(work, "work");
    requireNonNull(bodyHandler, "bodyHandler");
    requireNonNull(adminHandler, "adminHandler");
    requireNonNull(services, "services");
    requireNonNull(problems, "problems");
    requireNonNull(clock, "clock");
  }
}
