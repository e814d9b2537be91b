package network.baton.node.federation.search;

import static network.baton.node.RunningNode.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import network.baton.node.LogCapture;
import network.baton.node.RunningNode;
import network.baton.node.federation.Member;
import network.baton.node.federation.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node's own entry in the member list is answered in-process: here its listed URL is a port
 * nothing listens on, so any call over HTTP would fail, and it is still asked and answers, with no
 * request of its own in the access log.
 */
@ExtendWith(VertxExtension.class)
@Timeout(60)
class OwnNodeTest {

  private static final String SELF = "did:web:self.example";

  /** Port 1 on loopback: connecting there is refused. */
  private static final URI UNREACHABLE = URI.create("http://127.0.0.1:1");

  @TempDir Path dataDir;

  @Test
  void federatedSearchAndSparqlAnswerTheNodesOwnPartWithoutCallingItsHttpListener(Vertx vertx) {
    FakeMember other =
        FakeMember.start(
            vertx,
            "did:web:other.example",
            FakeMember.Behaviour.GOOD,
            0,
            List.of(FakeMember.hit("http://other.example/resources/a", "Other", 1.0)),
            List.of(),
            List.of());
    Member self = new Member(SELF, UNREACHABLE, "Self", Set.of(Role.PUBLISHER));
    try (RunningNode node =
            RunningNode.start(
                vertx,
                dataDir,
                c ->
                    c.withIdentity(c.identity().withDid(SELF))
                        .withFederation(f -> f.withMembers(List.of(self, other.member())))
                        .withCredentials(c.credentials().withLoopbackHttp(true)));
        LogCapture logs = LogCapture.root()) {
      node.post("/resources", "text/turtle", fixture("course.ttl"));

      JsonObject found =
          new JsonObject(
              node.get("/federation/search?q=" + encode("電気化学") + "&deadline=5000", null).body());
      // A skill the node's descriptor does not cover: source selection reads it in-process too.
      JsonObject selected =
          new JsonObject(
              node.get(
                      "/federation/search?q="
                          + encode("電気化学")
                          + "&skill="
                          + encode("https://w3id.org/baton/skill/ECH-MEAS")
                          + "&deadline=5000",
                      null)
                  .body());
      JsonObject rows =
          new JsonObject(
              node.post(
                      "/federation/sparql",
                      "application/sparql-query",
                      "SELECT ?s WHERE { ?s a <http://schema.org/Course> }")
                  .body());

      assertThat(status(found, SELF).getString("status")).isEqualTo("ok");
      assertThat(status(found, SELF).getLong("count")).isPositive();
      assertThat(found.getJsonArray("hits").encode())
          .contains("http://node.test/resources/kosen-ec101");
      assertThat(status(found, other.member().did()).getString("status")).isEqualTo("ok");
      assertThat(found.getBoolean("partial")).isFalse();
      assertThat(status(selected, SELF).getString("status")).isEqualTo("skipped");
      assertThat(status(rows, SELF).getString("status")).isEqualTo("ok");
      assertThat(rows.getJsonObject("results").getJsonArray("bindings").encode())
          .contains("http://node.test/resources/kosen-ec101")
          .contains(SELF);
      assertThat(logs.events())
          .map(LogCapture::line)
          .filteredOn(line -> line.contains("network.baton.node.access"))
          .filteredOn(line -> !line.contains("/federation/") && !line.contains("POST /resources"))
          .isEmpty();
    } finally {
      other.close();
    }
  }

  private static JsonObject status(JsonObject answer, String did) {
    JsonArray members = answer.getJsonArray("members");
    for (int i = 0; i < members.size(); i++) {
      if (did.equals(members.getJsonObject(i).getString("did"))) {
        return members.getJsonObject(i);
      }
    }
    throw new AssertionError("no status for " + did + " in " + answer.encode());
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
