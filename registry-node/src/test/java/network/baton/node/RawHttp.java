package network.baton.node;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, one request per connection: sends exactly the bytes given (a client
 * library would refuse or repair most of what a malformed-request test needs to send) and reads the
 * answer until the connection closes or its Content-Length is complete.
 */
public final class RawHttp {

  private final int port;
  private final Duration timeout;
  private final String localAddress;

  /** A client for a server on this loopback port, giving up on an answer after timeout. */
  public RawHttp(int port, Duration timeout) {
    this(port, timeout, null);
  }

  /** A client as above connecting from a loopback address of its own (127.0.0.2, ...). */
  public RawHttp(int port, Duration timeout, String localAddress) {
    this.port = port;
    this.timeout = timeout;
    this.localAddress = localAddress;
  }

  /** An answer: status (0 when the server closed without one), lower-case headers, body. */
  public record Answer(int status, Map<String, String> headers, byte[] body, boolean timedOut) {

    /** The body as UTF-8 text. */
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** A header's value (name in any case), or null. */
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** Sends a request made of head (request line and headers, CRLF-separated) and body. */
  public Answer send(String head, byte[] body) {
    byte[] start = head.getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = new byte[start.length + body.length];
    System.arraycopy(start, 0, all, 0, start.length);
    System.arraycopy(body, 0, all, start.length, body.length);
    return send(all);
  }

  /** Sends a request that is all head (request line, headers and whatever text follows). */
  public Answer send(String head) {
    return send(head, new byte[0]);
  }

  /** Sends these bytes as they are and reads the answer. */
  public Answer send(byte[] request) {
    try (Socket socket = new Socket()) {
      if (localAddress != null) {
        socket.bind(new InetSocketAddress(localAddress, 0));
      }
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout((int) timeout.toMillis());
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request);
        out.flush();
      } catch (SocketException e) {
        // The server may answer and close before the whole body is sent (a 413, a 401).
      }
      return read(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Answer read(InputStream in) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    boolean timedOut = false;
    try {
      int n;
      while ((n = in.read(chunk)) >= 0) {
        buffer.write(chunk, 0, n);
        if (complete(buffer.toByteArray())) {
          break;
        }
      }
    } catch (SocketTimeoutException e) {
      timedOut = true;
    } catch (SocketException e) {
      // reset by the server after its answer: what was read stands
    }
    return parse(buffer.toByteArray(), timedOut);
  }

  private static boolean complete(byte[] bytes) {
    int start = finalHead(bytes);
    int end = start < 0 ? -1 : headEnd(bytes, start);
    if (end < 0) {
      return false;
    }
    Map<String, String> headers =
        headers(new String(bytes, start, end - start, StandardCharsets.ISO_8859_1));
    String length = headers.get("content-length");
    if (length != null) {
      return bytes.length - end - 4 >= Long.parseLong(length.strip());
    }
    String text = new String(bytes, end, bytes.length - end, StandardCharsets.ISO_8859_1);
    return "chunked".equalsIgnoreCase(headers.get("transfer-encoding"))
        && text.endsWith("\r\n0\r\n\r\n");
  }

  // Where the final answer's head starts: past any 1xx interim answers (100 Continue).
  private static int finalHead(byte[] bytes) {
    int start = 0;
    while (true) {
      int end = headEnd(bytes, start);
      if (end < 0) {
        return start;
      }
      String line =
          new String(bytes, start, Math.min(12, end - start), StandardCharsets.ISO_8859_1);
      if (!line.matches("HTTP/\\d\\.\\d 1\\d\\d.*")) {
        return start;
      }
      start = end + 4;
    }
  }

  private static int headEnd(byte[] bytes, int from) {
    for (int i = from; i + 3 < bytes.length; i++) {
      if (bytes[i] == '\r'
          && bytes[i + 1] == '\n'
          && bytes[i + 2] == '\r'
          && bytes[i + 3] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static Answer parse(byte[] bytes, boolean timedOut) {
    int start = finalHead(bytes);
    int end = headEnd(bytes, start);
    if (end < 0) {
      return new Answer(0, Map.of(), bytes, timedOut);
    }
    String head = new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
    String statusLine = head.split("\r\n", 2)[0];
    String[] parts = statusLine.split(" ", 3);
    int status = parts.length > 1 && parts[1].matches("\\d{3}") ? Integer.parseInt(parts[1]) : 0;
    byte[] body = new byte[bytes.length - end - 4];
    System.arraycopy(bytes, end + 4, body, 0, body.length);
    Map<String, String> headers = headers(head);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = dechunk(body);
    }
    return new Answer(status, headers, body, timedOut);
  }

  private static byte[] dechunk(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < body.length) {
      int lineEnd = i;
      while (lineEnd + 1 < body.length && !(body[lineEnd] == '\r' && body[lineEnd + 1] == '\n')) {
        lineEnd++;
      }
      String size = new String(body, i, lineEnd - i, StandardCharsets.ISO_8859_1).split(";")[0];
      int length;
      try {
        length = Integer.parseInt(size.strip(), 16);
      } catch (NumberFormatException e) {
        break;
      }
      if (length == 0) {
        break;
      }
      int from = lineEnd + 2;
      out.write(body, from, Math.min(length, body.length - from));
      i = from + length + 2;
    }
    return out.toByteArray();
  }

  private static Map<String, String> headers(String head) {
    Map<String, String> headers = new LinkedHashMap<>();
    String[] lines = head.split("\r\n");
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(
            lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).strip());
      }
    }
    return headers;
  }
}
