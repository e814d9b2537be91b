package network.baton.node.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** The node's descriptor document, as {@code /.well-known/baton-node} answers it. */
@FunctionalInterface
public interface NodeDescriptor {

  /** The document for the node's coverage now. */
  Future<JsonObject> document();
}
