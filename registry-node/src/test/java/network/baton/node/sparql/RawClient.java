package network.baton.node.sparql;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * An HTTP/1.1 client on a socket of its own, from a loopback address of its choosing (127.0.0.x, so
 * the node counts it as another client), that gives up after a while by closing the connection, as
 * a browser or curl with a timeout does.
 */
final class RawClient {

  private RawClient() {}

  /**
   * GETs /sparql?query= from 127.0.0.{@code host}; the status code, or -1 when no status line came
   * within {@code patience} (the connection is then closed).
   */
  static int sparql(int port, int host, String query, Duration patience) {
    String request =
        "GET /sparql?query="
            + URLEncoder.encode(query, StandardCharsets.UTF_8)
            + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/sparql-results+json\r\n"
            + "Connection: close\r\n\r\n";
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress("127.0.0." + host, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      socket.setSoTimeout((int) patience.toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return status(socket.getInputStream());
    } catch (SocketTimeoutException e) {
      return -1;
    } catch (IOException e) {
      throw new IllegalStateException("request from 127.0.0." + host + " failed", e);
    }
  }

  private static int status(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
      line.append((char) c);
    }
    String[] parts = line.toString().split(" ");
    if (parts.length < 2) {
      throw new IOException("no status line: " + line);
    }
    return Integer.parseInt(parts[1]);
  }
}
