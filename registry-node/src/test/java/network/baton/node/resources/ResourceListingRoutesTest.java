package network.baton.node.resources;

import static network.baton.node.RunningNode.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Listing on a bare router ({@link ResourceRouter}): the resource list paged by cursor and the
 * change log in order, by page and since a date-time.
 */
class ResourceListingRoutesTest extends ResourceRouterFixture {

  @Test
  void listIsPagedWithACursorInIdOrder() {
    for (String id : new String[] {"c", "a", "e", "b", "d"}) {
      node.post("/resources", TURTLE, fixture("course.ttl").replace("kosen-ec101", id));
    }

    JsonObject first = new JsonObject(node.get("/resources?limit=2", null).body());
    assertThat(first.getLong("total")).isEqualTo(5);
    assertThat(first.getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("id")))
        .containsExactly("a", "b");
    JsonObject second = new JsonObject(node.get(first.getString("next"), null).body());
    assertThat(second.getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("id")))
        .containsExactly("c", "d");
    JsonObject last = new JsonObject(node.get(second.getString("next"), null).body());
    assertThat(last.getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("id")))
        .containsExactly("e");
    assertThat(last.containsKey("next")).isFalse();
    assertProblem(node.get("/resources?limit=0", null), 400);
    assertProblem(node.get("/resources?limit=abc", null), 400);
  }

  @Test
  void changesListCreatesUpdatesAndDeletesInOrderAndPage() {
    node.post("/resources", TURTLE, fixture("course.ttl"));
    node.put(COURSE, TURTLE, fixture("course.ttl").replace("EC101", "EC102"), null);
    node.post("/resources", TURTLE, fixture("unnamed-subject.ttl"));
    node.delete(COURSE);

    JsonObject page = new JsonObject(node.get("/changes?since=0&limit=3", null).body());
    assertThat(page.getLong("latest")).isEqualTo(4);
    assertThat(page.getBoolean("hasMore")).isTrue();
    assertThat(page.getJsonArray("changes").stream().map(o -> ((JsonObject) o).getString("action")))
        .containsExactly("created", "updated", "created");
    assertThat(page.getJsonArray("changes").getJsonObject(0).getString("iri")).isEqualTo(IRI);

    JsonObject rest = new JsonObject(node.get(page.getString("next"), null).body());
    assertThat(rest.getJsonArray("changes").stream().map(o -> ((JsonObject) o).getLong("sequence")))
        .containsExactly(4L);
    assertThat(rest.getJsonArray("changes").getJsonObject(0).getString("action"))
        .isEqualTo("deleted");
    assertThat(rest.getBoolean("hasMore")).isFalse();
    assertProblem(node.get("/changes?since=-1", null), 400);
  }

  @Test
  void changesSinceADateTimeListOnlyWhatCameAfterIt() {
    node.post("/resources", TURTLE, fixture("course.ttl"));
    String first =
        new JsonObject(node.get("/changes", null).body())
            .getJsonArray("changes")
            .getJsonObject(0)
            .getString("at");
    clock.advance(Duration.ofMillis(5));
    node.post("/resources", TURTLE, fixture("unnamed-subject.ttl"));

    JsonObject after = new JsonObject(node.get("/changes?since=" + first, null).body());
    assertThat(after.getJsonArray("changes").size()).isEqualTo(1);
    assertThat(after.getJsonArray("changes").getJsonObject(0).getLong("sequence")).isEqualTo(2);
    assertThat(after.getLong("since")).isEqualTo(1);
    JsonObject all =
        new JsonObject(node.get("/changes?since=2000-01-01T00:00:00%2B09:00", null).body());
    assertThat(all.getJsonArray("changes").size()).isEqualTo(2);
    assertThat(
            new JsonObject(node.get("/changes?since=2999-01-01T00:00:00Z", null).body())
                .getJsonArray("changes"))
        .isEmpty();
    assertProblem(node.get("/changes?since=2026-13-01T00:00:00Z", null), 400)
        .contains("xsd:dateTime");
  }
}
