package network.baton.node.launch;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;

/**
 * A loopback TCP relay in front of one member that holds everything the member sends back for a
 * fixed time before passing it on: the member as if it were a network round trip away. Requests go
 * through at once; the whole delay falls on the answer, so each request costs one extra delay.
 *
 * <p>Written by hand because nothing on the class path simulates link latency: a few lines over
 * Vert.x's NetServer and NetClient (data is small, so no back-pressure handling).
 */
final class DelayedLink {

  private final NetServer server;

  private DelayedLink(NetServer server) {
    this.server = server;
  }

  /** Relays a free loopback port to {@code targetPort}, answers delayed by {@code delayMs}. */
  static Future<DelayedLink> start(Vertx vertx, int targetPort, long delayMs) {
    NetClient client = vertx.createNetClient();
    NetServer server =
        vertx
            .createNetServer(new NetServerOptions().setHost("127.0.0.1").setPort(0))
            .connectHandler(front -> relay(vertx, client, front, targetPort, delayMs));
    return server.listen().map(DelayedLink::new);
  }

  private static void relay(
      Vertx vertx, NetClient client, NetSocket front, int targetPort, long delayMs) {
    front.pause();
    client
        .connect(targetPort, "127.0.0.1")
        .onFailure(e -> front.close())
        .onSuccess(
            back -> {
              front.handler(back::write);
              front.closeHandler(v -> back.close());
              // Timers with the same delay on one event loop fire in order: the bytes stay ordered.
              back.handler(data -> vertx.setTimer(delayMs, id -> front.write(data)));
              back.closeHandler(v -> vertx.setTimer(delayMs, id -> front.close()));
              front.resume();
            });
  }

  /** The port clients connect to. */
  int port() {
    return server.actualPort();
  }
}
