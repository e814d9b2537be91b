package network.baton.node;

import io.vertx.ext.web.Router;

/** Extra routes a part of the node adds at start-up (search, federation, credentials). */
@FunctionalInterface
public interface NodeExtension {

  /** Mounts routes on the router; the context gives the store, worker pool and shared handlers. */
  void mount(Router router, NodeContext context);
}
