package network.baton.node.http;

import static network.baton.node.RunningNode.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
