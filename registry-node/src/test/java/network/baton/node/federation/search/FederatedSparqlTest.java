package network.baton.node.federation.search;

import static network.baton.node.federation.search.FederatingNode.statuses;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import network.baton.node.RunningNode;
import network.baton.node.federation.Member;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A real node sending a SELECT to loopback servers playing members, one of them down. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FederatedSparqlTest {

  private static final String SELECT =
      "SELECT ?course WHERE { ?course a <http://schema.org/Course> }";

  @TempDir static Path dataDir;

  private final Vertx vertx = Vertx.vertx();
  private final List<FakeMember> fakes = new ArrayList<>();
  private RunningNode node;

  @BeforeAll
  void start() {
    fakes.add(
        FakeMember.start(
            vertx,
            "did:web:a.example",
            FakeMember.Behaviour.GOOD,
            0,
            List.of(),
            List.of(),
            List.of(uri("https://a.example/resources/c1"), bnode("b0"))));
    fakes.add(
        FakeMember.start(
            vertx,
            "did:web:b.example",
            FakeMember.Behaviour.GOOD,
            0,
            List.of(),
            List.of(),
            List.of(uri("https://b.example/resources/c2"), bnode("b0"))));
    fakes.add(
        FakeMember.start(
            vertx,
            "did:web:garbage.example",
            FakeMember.Behaviour.GARBAGE,
            0,
            List.of(),
            List.of(),
            List.of()));
    List<Member> members = new ArrayList<>(fakes.stream().map(FakeMember::member).toList());
    members.add(FakeMember.dead(vertx, "did:web:dead.example"));
    // The fake members listen on loopback: the fetch policy lets the node call them only so.
    node = FederatingNode.start(vertx, dataDir, members);
  }

  @AfterAll
  void stop() {
    FederatingNode.stop(vertx, node, () -> fakes.forEach(FakeMember::close));
  }

  @Test
  void solutionsFromEveryMemberAreUnionedWithTheMemberNamed() {
    HttpResponse<String> response =
        node.post("/federation/sparql", "application/sparql-query", SELECT);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/sparql-results+json");
    JsonObject json = new JsonObject(response.body());
    assertThat(json.getJsonObject("head").getJsonArray("vars").getList())
        .containsExactly("course", "member");
    List<String> rows = new ArrayList<>();
    json.getJsonObject("results")
        .getJsonArray("bindings")
        .forEach(
            b -> {
              JsonObject row = (JsonObject) b;
              rows.add(
                  row.getJsonObject("course").getString("value")
                      + " @ "
                      + row.getJsonObject("member").getString("value"));
            });
    assertThat(rows)
        .contains(
            "https://a.example/resources/c1 @ did:web:a.example",
            "https://b.example/resources/c2 @ did:web:b.example")
        .hasSize(4)
        .doesNotHaveDuplicates(); // the two members' blank nodes _:b0 stay apart
    assertThat(json.getBoolean("partial")).isTrue();
    assertThat(statuses(json))
        .containsEntry("did:web:a.example", "ok")
        .containsEntry("did:web:dead.example", "error")
        .containsEntry("did:web:garbage.example", "error");
  }

  @Test
  void namedMembersOnlyAreAskedThroughTheForm() {
    String form =
        "query=" + URLEncoder.encode(SELECT, StandardCharsets.UTF_8) + "&members=did:web:b.example";
    HttpResponse<String> response =
        node.post("/federation/sparql", "application/x-www-form-urlencoded", form);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonObject json = new JsonObject(response.body());
    assertThat(statuses(json)).containsOnlyKeys("did:web:b.example");
    assertThat(json.getBoolean("partial")).isFalse();
    assertThat(json.getJsonObject("results").getJsonArray("bindings")).hasSize(2);
  }

  @Test
  void queriesOtherThanSelectAndBadSyntaxAreRefused() {
    HttpResponse<String> construct =
        node.post("/federation/sparql", "application/sparql-query", "CONSTRUCT WHERE { ?s ?p ?o }");
    assertThat(construct.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(construct.body()).getString("type")).endsWith("#select-only");

    HttpResponse<String> broken =
        node.post("/federation/sparql", "application/sparql-query", "SELECT ?x WHERE { ?x");
    assertThat(broken.statusCode()).isEqualTo(400);

    HttpResponse<String> reserved =
        node.post(
            "/federation/sparql",
            "application/sparql-query",
            "SELECT ?member WHERE { ?member ?p ?o }");
    assertThat(reserved.statusCode()).isEqualTo(400);
    assertThat(reserved.body()).contains("?member is reserved");

    HttpResponse<String> hop =
        node.send(
            node.request("/federation/sparql")
                .header("BATON-Hop", "1")
                .header("Content-Type", "application/sparql-query")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(SELECT)));
    assertThat(hop.statusCode()).isEqualTo(400);
  }

  private static JsonObject uri(String value) {
    return new JsonObject().put("course", new JsonObject().put("type", "uri").put("value", value));
  }

  private static JsonObject bnode(String label) {
    return new JsonObject()
        .put("course", new JsonObject().put("type", "bnode").put("value", label));
  }
}
