package network.baton.node.http;

import static network.baton.node.RunningNode.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import network.baton.node.RawHttp;
import network.baton.node.RunningNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@Timeout(60)
class NodeSearchWiringTest {

  @TempDir Path dataDir;

  @Test
  void resourcePublishedThroughTheApiIsFoundBySearchAndGoneAfterDelete(Vertx vertx) {
    try (RunningNode node = RunningNode.start(vertx, dataDir)) {
      node.post("/resources", "text/turtle", fixture("course.ttl"));

      JsonObject found = new JsonObject(node.get("/search?q=" + encode("電気化学"), null).body());
      assertThat(found.encode()).contains("http://node.test/resources/kosen-ec101");

      node.delete("/resources/kosen-ec101");
      JsonObject after = new JsonObject(node.get("/search?q=" + encode("電気化学"), null).body());
      assertThat(after.encode()).doesNotContain("http://node.test/resources/kosen-ec101");
    }
  }

  // What curl sends for curl '.../search?q=電池': the UTF-8 bytes themselves, not %E9%9B%BB...
  @Test
  void rawUtf8InTheQueryFindsWhatThePercentEncodedQueryFinds(Vertx vertx) {
    try (RunningNode node = RunningNode.start(vertx, dataDir)) {
      node.post("/resources", "text/turtle", fixture("course.ttl"));
      RawHttp raw = new RawHttp(URI.create(node.url()).getPort(), Duration.ofSeconds(10));

      RawHttp.Answer encoded = raw.send(get("/search?q=" + encode("電気化学")), new byte[0]);
      RawHttp.Answer bytes = raw.send(get("/search?q=電気化学"), new byte[0]);
      RawHttp.Answer page = raw.send(get("/search?q=電気化学&lang=ja"), new byte[0]);

      assertThat(encoded.status()).isEqualTo(200);
      assertThat(encoded.text()).contains("http://node.test/resources/kosen-ec101");
      assertThat(bytes.status()).isEqualTo(200);
      assertThat(new JsonObject(bytes.text())).isEqualTo(new JsonObject(encoded.text()));
      assertThat(page.status()).isEqualTo(200);
    }
  }

  @Test
  void bytesThatAreNotUtf8InTheTargetAreRefusedWithAProblem(Vertx vertx) {
    try (RunningNode node = RunningNode.start(vertx, dataDir)) {
      RawHttp raw = new RawHttp(URI.create(node.url()).getPort(), Duration.ofSeconds(10));
      // 0xE9 0x9B starts a three-byte sequence that 'q' breaks; 0xFF is never UTF-8.
      for (String target : List.of("/search?q=\u00e9\u009bq", "/search?q=\u00ff", "/\u00c3")) {
        RawHttp.Answer answer = raw.send(get(target), new byte[0]);
        assertThat(answer.status()).as(target).isEqualTo(400);
        assertThat(answer.header("content-type")).startsWith("application/problem+json");
        assertThat(answer.text()).contains("not part of UTF-8 text");
      }
    }
  }

  /** A GET head whose target's chars up to U+00FF go out as one byte each, U+0100 up as UTF-8. */
  private static String get(String target) {
    String bytes = new String(target.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    String sent = target.chars().allMatch(c -> c <= 0xFF) ? target : bytes;
    return "GET " + sent + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
