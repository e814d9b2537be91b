package network.baton.bench;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import network.baton.node.federation.Member;
import network.baton.node.federation.Role;

/**
 * A member that hangs: a raw TCP server on a loopback port that accepts every connection, reads and
 * discards what it is sent, and never answers (not even the status line).
 */
final class HungMember implements AutoCloseable {

  /** The DID the hung member has in the coordinator's member list. */
  static final String DID = "did:web:hung.bench.localhost";

  private final NetServer server;
  private final AtomicInteger connections;

  private HungMember(NetServer server, AtomicInteger connections) {
    this.server = server;
    this.connections = connections;
  }

  /** Listens on a free loopback port. */
  static HungMember start(Vertx vertx) {
    AtomicInteger connections = new AtomicInteger();
    NetServer server =
        vertx
            .createNetServer(new NetServerOptions().setHost("127.0.0.1").setPort(0))
            .connectHandler(
                socket -> {
                  connections.incrementAndGet();
                  socket.handler(ignored -> {});
                });
    try {
      server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted starting the hung member", e);
    } catch (Exception e) {
      throw new IllegalStateException("hung member did not listen: " + e.getMessage(), e);
    }
    return new HungMember(server, connections);
  }

  /** The hung member as a membership list names it. */
  Member member() {
    return new Member(
        DID,
        URI.create("http://127.0.0.1:" + server.actualPort()),
        "hung member",
        Set.of(Role.PUBLISHER));
  }

  /** Connections accepted so far (each one a request that got no answer). */
  int connections() {
    return connections.get();
  }

  @Override
  public void close() {
    server.close();
  }
}
