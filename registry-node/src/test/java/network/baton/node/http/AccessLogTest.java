package network.baton.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.junit5.VertxExtension;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import network.baton.node.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

@ExtendWith(VertxExtension.class)
@Timeout(30)
class AccessLogTest {

  @Test
  void answeredRequestsAndClientsThatGaveUpAreBothOneLine(Vertx vertx) throws Exception {
    CountDownLatch arrived = new CountDownLatch(1);
    Router router = Router.router(vertx);
    router.route().handler(AccessLog.create());
    router.get("/fast").handler(rc -> rc.response().setStatusCode(204).end());
    // Never answers, as a runaway query would not before its time limit.
    router.get("/never").handler(rc -> arrived.countDown());
    HttpServer server =
        await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
    // The test class path's Logback configuration (credential-service's tests) logs WARN and up.
    Logger access = (Logger) LoggerFactory.getLogger("network.baton.node.access");
    Level level = access.getLevel();
    access.setLevel(Level.INFO);
    try (LogCapture log = LogCapture.root()) {
      send(server.actualPort(), "/fast", null);
      send(server.actualPort(), "/never", arrived);

      List<String> lines = waitForAccessLines(log, 2);
      assertThat(lines).anyMatch(line -> line.matches("GET /fast 204 \\d+ms"));
      assertThat(lines)
          .anyMatch(
              line ->
                  line.matches("GET /never client closed the connection before the answer \\d+ms"));
    } finally {
      access.setLevel(level);
      await(server.close());
    }
  }

  /** Sends one request on a socket of its own; with a latch, closes once the handler has it. */
  private static void send(int port, String path, CountDownLatch arrived) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      out.flush();
      if (arrived != null) {
        assertThat(arrived.await(5, TimeUnit.SECONDS)).isTrue();
      } else {
        assertThat(socket.getInputStream().read()).isNotEqualTo(-1);
      }
    }
  }

  private static List<String> waitForAccessLines(LogCapture log, int count) throws Exception {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    List<String> lines;
    do {
      lines =
          log.events().stream()
              .filter(e -> e.getLoggerName().equals("network.baton.node.access"))
              .map(ILoggingEvent::getFormattedMessage)
              .toList();
      if (lines.size() >= count) {
        return lines;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
    } while (System.nanoTime() < until);
    return lines;
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
