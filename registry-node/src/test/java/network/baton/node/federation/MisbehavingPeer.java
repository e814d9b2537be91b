package network.baton.node.federation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A member that misbehaves below HTTP, on a raw loopback {@link ServerSocket}: it answers garbage
 * instead of HTTP, resets every connection, hangs, answers 500, or answers 200 with HTML. A Vert.x
 * server cannot be made to break the protocol like this, hence the socket.
 */
public final class MisbehavingPeer implements AutoCloseable {

  /** How the peer misbehaves. */
  public enum Behaviour {
    /** Reads the request, answers bytes that are not HTTP, closes. */
    GARBAGE,
    /** Reads the request, then closes with SO_LINGER 0: the client sees a TCP reset. */
    RESET,
    /** Reads the request and never answers (the connection stays open). */
    HANG,
    /** Answers every request with 500 and a text body, keeping the connection. */
    ERROR_500,
    /** Answers every request with 200 and an HTML page, keeping the connection. */
    NOT_JSON
  }

  private final Behaviour behaviour;
  private final ServerSocket server;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final Thread acceptor;

  private MisbehavingPeer(Behaviour behaviour) throws IOException {
    this.behaviour = behaviour;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::accept, "peer-" + behaviour.name().toLowerCase(Locale.ROOT));
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Starts a peer on a free loopback port. */
  public static MisbehavingPeer start(Behaviour behaviour) {
    try {
      return new MisbehavingPeer(behaviour);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The peer as a member of the network, with this DID and name. */
  public Member member(String did, String name) {
    return new Member(
        did, URI.create("http://127.0.0.1:" + server.getLocalPort()), name, Set.of(Role.PUBLISHER));
  }

  /** How it misbehaves. */
  public Behaviour behaviour() {
    return behaviour;
  }

  /** How many requests (or connections, for RESET) reached it. */
  public int requests() {
    return requests.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        open.add(socket);
        Thread connection = new Thread(() -> serve(socket), acceptor.getName() + "-conn");
        connection.setDaemon(true);
        connection.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      while (readRequest(in)) {
        requests.incrementAndGet();
        switch (behaviour) {
          case GARBAGE -> {
            out.write(
                "\u0000\u0017SSH-2.0-not-http \u00ff\u00fe\r\n\r\n<<<>>>\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return;
          }
          case RESET -> {
            socket.setSoLinger(true, 0);
            return;
          }
          case HANG -> {
            while (in.read() >= 0) {
              // hold the connection until the client (or close()) drops it
            }
            return;
          }
          case ERROR_500 -> answer(out, "500 Internal Server Error", "text/plain", "it broke");
          case NOT_JSON ->
              answer(out, "200 OK", "text/html", "<html><body>Maintenance</body></html>");
        }
      }
    } catch (IOException e) {
      // the client went away
    } finally {
      open.remove(socket);
    }
  }

  private static void answer(OutputStream out, String status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    out.write(
        ("HTTP/1.1 "
                + status
                + "\r\nContent-Type: "
                + type
                + "\r\nContent-Length: "
                + bytes.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.write(bytes);
    out.flush();
  }

  /** Reads one request's head and body (by Content-Length); false at the end of the stream. */
  private static boolean readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    int b;
    while (matched < 4 && (b = in.read()) >= 0) {
      head.write(b);
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    if (matched < 4) {
      return false;
    }
    long length = 0;
    for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Long.parseLong(line.substring("content-length:".length()).strip());
      }
    }
    for (long i = 0; i < length; i++) {
      if (in.read() < 0) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // closing anyway
    }
    for (Socket socket : open) {
      try {
        socket.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }
}
