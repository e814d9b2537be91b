package network.baton.node.resources;

import static network.baton.node.RunningNode.fixture;
import static network.baton.node.resources.ResourceRouterFixture.assertProblem;
import static network.baton.node.resources.ResourceRouterFixture.parse;
import static network.baton.node.resources.ResourceRouterFixture.uri;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import network.baton.node.NodePerTest;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The resource routes end to end in a full node: the HTML page the web extension puts in front of
 * them, batches that the text index makes searchable, and a body the node's server decodes as a
 * form. What the routes answer alone is in {@link ResourceRoutesOnARouterTest}, on a bare router.
 */
@Timeout(60)
class ResourceRoutesTest extends NodePerTest {

  private static final String TURTLE = "text/turtle";
  private static final String COURSE = "/resources/kosen-ec101";
  private static final String IRI = "http://node.test/resources/kosen-ec101";

  @BeforeEach
  void startNode(Vertx vertx) {
    start(vertx);
  }

  @Test
  void everyFormatIsServedByContentNegotiation() {
    node.post("/resources", TURTLE, fixture("course.ttl"));

    for (String type :
        new String[] {"application/n-triples", "application/rdf+xml", "application/ld+json"}) {
      HttpResponse<String> read = node.get(COURSE, type);
      assertThat(read.statusCode()).as(type).isEqualTo(200);
      assertThat(read.headers().firstValue("Content-Type").orElseThrow()).startsWith(type);
      Graph graph = parse(read.body(), org.apache.jena.riot.RDFLanguages.contentTypeToLang(type));
      assertThat(
              graph.contains(
                  NodeFactory.createURI(IRI), uri("http://schema.org/courseCode"), Node.ANY))
          .as(type)
          .isTrue();
    }
    HttpResponse<String> html = node.get(COURSE, "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
    assertThat(html.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(html.body())
        .contains("Fundamentals of Electrochemistry", "電気化学基礎")
        .contains("https://creativecommons.org/licenses/by/4.0/")
        .contains("https://w3id.org/baton/skill/ECH-KIN")
        .contains("?format=ttl", "?format=jsonld", "?format=nt", "?format=rdf");
    assertThat(
            node.get(COURSE + "?format=nt", "text/html")
                .headers()
                .firstValue("Content-Type")
                .orElseThrow())
        .startsWith("application/n-triples");
  }

  @Test
  void htmlViewEscapesMarkupInNames() {
    HttpResponse<String> created = node.post("/resources", TURTLE, fixture("unnamed-subject.ttl"));
    String location = created.headers().firstValue("Location").orElseThrow();

    String html = node.get(path(location), "text/html").body();

    assertThat(html)
        .contains("Electrode Coating &amp; Drying &lt;Basics&gt;")
        .doesNotContain("<Basics>");
  }

  @Test
  void batchStoresEachValidResourceInOneRequestAndAnswersForEach() {
    HttpResponse<String> response =
        node.post("/resources/batch", "application/trig", fixture("batch.trig"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonObject answer = new JsonObject(response.body());
    assertThat(answer.getLong("stored")).isEqualTo(2);
    assertThat(answer.getLong("rejected")).isEqualTo(1);
    JsonArray results = answer.getJsonArray("results");
    assertThat(results.getJsonObject(0).getString("iri")).isEqualTo(IRI);
    assertThat(results.getJsonObject(0).getInteger("status")).isEqualTo(201);
    assertThat(results.getJsonObject(0).getLong("version")).isEqualTo(1);
    JsonObject refused = results.getJsonObject(1);
    assertThat(refused.getString("iri")).isEqualTo("http://node.test/resources/no-licence");
    assertThat(refused.getInteger("status")).isEqualTo(422);
    assertThat(refused.getJsonArray("violations").getJsonObject(0).getString("path"))
        .contains("license");
    assertThat(results.getJsonObject(2).getInteger("status")).isEqualTo(201);

    assertThat(node.get(COURSE, TURTLE).statusCode()).isEqualTo(200);
    assertThat(node.get("/resources/kosen-ec102", TURTLE).statusCode()).isEqualTo(200);
    assertThat(node.get("/resources/no-licence", TURTLE).statusCode()).isEqualTo(404);
    assertThat(new JsonObject(node.get("/changes", null).body()).getLong("latest")).isEqualTo(2);
    JsonObject found = new JsonObject(node.get("/search?q=Battery%20Safety", null).body());
    assertThat(found.encode()).as("the batch's text is searchable").contains("kosen-ec102");
  }

  @Test
  void batchAgainRefusesTakenIrisOneByOneAndReplaceMakesNewVersions() {
    node.post("/resources/batch", "application/trig", fixture("batch.trig"));

    JsonObject again =
        new JsonObject(
            node.post("/resources/batch", "application/trig", fixture("batch.trig")).body());
    assertThat(again.getLong("stored")).isZero();
    assertThat(again.getJsonArray("results").getJsonObject(0).getInteger("status")).isEqualTo(409);
    assertThat(again.getJsonArray("results").getJsonObject(0).getString("detail"))
        .contains("already exists");

    JsonObject replaced =
        new JsonObject(
            node.post("/resources/batch?replace=true", "application/trig", fixture("batch.trig"))
                .body());
    assertThat(replaced.getLong("stored")).isEqualTo(2);
    assertThat(replaced.getJsonArray("results").getJsonObject(0).getInteger("status"))
        .isEqualTo(200);
    assertThat(node.get(COURSE, TURTLE).headers().firstValue("ETag")).hasValue("\"2-ttl\"");
    assertThat(new JsonObject(node.get("/changes", null).body()).getLong("latest")).isEqualTo(4);
    JsonObject found = new JsonObject(node.get("/search?q=Electrochemistry", null).body());
    assertThat(found.getLong("total"))
        .as("a replaced resource is indexed once, not twice: " + found.encode())
        .isEqualTo(1);
  }

  @Test
  void aBodySentAsAFormThatIsNoFormIsAClear400() {
    // The node's own server and body handling: curl --data sends application/x-www-form-urlencoded;
    // Vert.x decodes such a body as a form for every route as it arrives, and a stray '%' failed
    // that decoding with a 500.
    HttpResponse<String> response =
        node.post("/resources", "application/x-www-form-urlencoded", "{\"name\": \"100%zz done\"}");

    assertProblem(response, 400).contains("two hex digits").contains("Content-Type");
  }

  private static String path(String iri) {
    return iri.substring("http://node.test".length());
  }
}
