package network.baton.credential.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A listener on 127.0.0.1 (and on ::1 at the same port, when the machine has IPv6) that a test
 * points SSRF attempts at: every connection it accepts is recorded, and {@link #assertUntouched}
 * fails the test if there was any. Connecting to 0.0.0.0 or to localhost reaches it too.
 *
 * <p>{@link #assertUntouched} first connects itself and waits until that probe is accepted: the
 * listener accepts in arrival order, so any connection made before the call has been seen by then.
 */
public final class Tripwire implements AutoCloseable {
  private final List<ServerSocket> sockets = new ArrayList<>();
  private final List<String> connections = new CopyOnWriteArrayList<>();
  private final List<Integer> probes = new CopyOnWriteArrayList<>();
  private volatile CountDownLatch probeSeen = new CountDownLatch(0);
  private final int port;

  private Tripwire() throws IOException {
    ServerSocket v4 = null;
    ServerSocket v6 = null;
    for (int attempt = 0; attempt < 20 && v6 == null; attempt++) {
      if (v4 != null) v4.close();
      v4 = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
      try {
        v6 = new ServerSocket(v4.getLocalPort(), 50, InetAddress.getByName("::1"));
      } catch (SocketException e) {
        // The port is taken on ::1, or there is no IPv6 loopback: try another port, then go on
        // without IPv6.
        if (attempt == 19 || isNoIpv6(e)) break;
      }
    }
    port = v4.getLocalPort();
    sockets.add(v4);
    if (v6 != null) sockets.add(v6);
    for (ServerSocket socket : sockets) {
      Thread thread = new Thread(() -> accept(socket), "tripwire-" + port);
      thread.setDaemon(true);
      thread.start();
    }
  }

  /** A tripwire on a random free port. */
  public static Tripwire start() {
    try {
      return new Tripwire();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The port it listens on. */
  public int port() {
    return port;
  }

  /** Whether it also listens on ::1. */
  public boolean hasIpv6() {
    return sockets.size() > 1;
  }

  /** The remote addresses of the connections it saw (probes excluded). */
  public List<String> connections() {
    settle();
    return List.copyOf(connections);
  }

  /** Fails the test if anything has connected. */
  public void assertUntouched() {
    assertThat(connections()).as("connections to the tripwire on port " + port).isEmpty();
  }

  // Probes every listener and waits until each probe has been accepted.
  private void settle() {
    for (ServerSocket socket : sockets) {
      probeSeen = new CountDownLatch(1);
      try (Socket probe = new Socket()) {
        // Bound first, so its port is known before the listener can see it.
        probe.bind(new InetSocketAddress(socket.getInetAddress(), 0));
        probes.add(probe.getLocalPort());
        probe.connect(new InetSocketAddress(socket.getInetAddress(), port), 2000);
        if (!probeSeen.await(5, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the tripwire did not accept its own probe");
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private void accept(ServerSocket socket) {
    while (!socket.isClosed()) {
      try (Socket connection = socket.accept()) {
        if (probes.contains(connection.getPort())) {
          probeSeen.countDown();
        } else {
          connections.add(connection.getRemoteSocketAddress().toString());
        }
      } catch (IOException e) {
        // closed
      }
    }
  }

  private static boolean isNoIpv6(SocketException e) {
    String message = String.valueOf(e.getMessage());
    return message.contains("Cannot assign") || message.contains("not available");
  }

  @Override
  public void close() {
    for (ServerSocket socket : sockets) {
      try {
        socket.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }
}
