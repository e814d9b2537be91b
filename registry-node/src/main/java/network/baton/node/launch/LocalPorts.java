package network.baton.node.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loopback ports for a local network: free ones picked at once, given ones checked. */
public final class LocalPorts {

  /** The address every local member listens on. */
  public static final String LOOPBACK = "127.0.0.1";

  private static final Logger log = LoggerFactory.getLogger(LocalPorts.class);

  private LocalPorts() {}

  /** A port a member could not listen on (another program holds it). */
  public static final class PortInUseException extends IllegalStateException {
    private final int port;

    PortInUseException(int port, Throwable cause) {
      super("port " + port + " is in use", cause);
      this.port = port;
    }

    /** The port that is taken. */
    public int port() {
      return port;
    }
  }

  /**
   * {@code count} different free loopback ports (all held open at once so they differ, then closed
   * again for the members to bind right after).
   */
  public static List<Integer> free(int count) {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        sockets.add(new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK)));
      }
      return sockets.stream().map(ServerSocket::getLocalPort).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("no free ports: " + e.getMessage(), e);
    } finally {
      for (ServerSocket socket : sockets) {
        try {
          socket.close();
        } catch (IOException e) {
          log.debug("closing a probe socket failed", e);
        }
      }
    }
  }

  /** One free loopback port. */
  public static int free() {
    return free(1).get(0);
  }

  /** Fails with a {@link PortInUseException} unless the loopback port can be bound now. */
  public static void requireFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(LOOPBACK))) {
      socket.setReuseAddress(true);
    } catch (IOException e) {
      throw new PortInUseException(port, e);
    }
  }

  /** Whether a failure (or one of its causes) is a refused bind. */
  static boolean isBindFailure(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof BindException) return true;
    }
    return false;
  }
}
