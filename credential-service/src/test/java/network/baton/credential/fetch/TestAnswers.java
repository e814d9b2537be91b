package network.baton.credential.fetch;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;

/** Answers of the JDK test servers that stand in for remote hosts. */
public final class TestAnswers {

  private TestAnswers() {}

  /** A whole answer with its length, and a Content-Type unless null. */
  public static void reply(HttpExchange ex, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(UTF_8);
    if (contentType != null) ex.getResponseHeaders().add("Content-Type", contentType);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** 200 with a body of spaces and no length, in blocks, until the client hangs up. */
  public static HttpHandler unboundedSpaces(int blocks, int blockBytes) {
    return ex -> {
      ex.sendResponseHeaders(200, 0);
      byte[] block = " ".repeat(blockBytes).getBytes(UTF_8);
      try (OutputStream out = ex.getResponseBody()) {
        for (int i = 0; i < blocks; i++) out.write(block);
      } catch (IOException expected) {
        // the client hangs up once it has seen too much
      }
    };
  }
}
