package network.baton.node.sparql;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A listener on a loopback address that notes every connection made to it: a test fails if the node
 * was steered into calling it.
 */
final class Tripwire implements AutoCloseable {

  private final ServerSocket server;
  private final List<String> hits = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  private Tripwire(ServerSocket server) {
    this.server = server;
    this.acceptor =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                  hits.add(socket.getRemoteSocketAddress().toString());
                } catch (IOException e) {
                  // closed
                }
              }
            },
            "tripwire-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** A tripwire on address (127.0.0.1, ::1) and a free port. */
  static Tripwire on(String address) throws IOException {
    ServerSocket server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
    return new Tripwire(server);
  }

  /** A tripwire on address and the given port (the same port on another address). */
  static Tripwire on(String address, int port) throws IOException {
    ServerSocket server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getByName(address), port));
    return new Tripwire(server);
  }

  int port() {
    return server.getLocalPort();
  }

  /** Forgets the connections made so far (each test looks at its own). */
  void reset() {
    hits.clear();
  }

  /** The connections made so far (their remote addresses). */
  List<String> hits() {
    return List.copyOf(hits);
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
