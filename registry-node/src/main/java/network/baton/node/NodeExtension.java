package network.baton.node;

import io.vertx.ext.web.Router;

/**
 * A part of the node that adds services and routes at start-up (search, federation, credentials,
 * pages). The node calls, in this order: {@link #start} on every extension (each registers the
 * services it offers on the context), {@link #mount} on every extension (routes and pages find the
 * services of the others there), and at stop {@link #close} on every extension, last started first,
 * before the store closes.
 */
@FunctionalInterface
public interface NodeExtension {

  /** Opens what the extension needs and registers its services on the context; none by default. */
  default void start(NodeContext context) {}

  /** Mounts routes on the router; every extension's services are registered by now. */
  void mount(Router router, NodeContext context);

  /** Closes what {@link #start} or {@link #mount} opened; nothing by default. */
  default void close() throws Exception {}
}
