package network.baton.node.sparql;

import static network.baton.node.RunningNode.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import network.baton.node.NodePerTest;
import network.baton.node.store.ResourceDraft;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.apache.jena.sparql.exec.http.UpdateExecutionHTTP;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class SparqlRoutesTest extends NodePerTest {

  private static final String COURSES =
      "PREFIX schema: <http://schema.org/> SELECT ?course ?code WHERE { ?course a schema:Course ;"
          + " schema:courseCode ?code } ORDER BY ?code";

  @BeforeEach
  void startNode(Vertx vertx) {
    startNode(vertx, Duration.ofSeconds(20));
  }

  private void startNode(Vertx vertx, Duration timeout) {
    TwoCourses.publish(start(vertx, c -> c.withSparql(q -> q.with(timeout, 3))));
  }

  @Test
  void jenaRemoteClientSelectsOverTheUnionOfResourceGraphs() {
    List<String> codes = new ArrayList<>();
    try (QueryExecution qe =
        QueryExecutionHTTP.service(node.url() + "/sparql").query(COURSES).build()) {
      ResultSet results = qe.execSelect();
      results.forEachRemaining(
          (QuerySolution row) -> codes.add(row.getLiteral("code").getString()));
    }

    assertThat(codes).containsExactly("EC101", "EC102");
  }

  @Test
  void jenaClientAsksConstructsAndSeesNoBookkeeping() {
    assertThat(ask("ASK { ?s <http://schema.org/courseCode> \"EC102\" }")).isTrue();
    assertThat(ask("ASK { ?s <urn:baton:sys:state> ?o }"))
        .as("the node's own bookkeeping is not in the default graph")
        .isFalse();
    try (QueryExecution qe =
        QueryExecutionHTTP.service(node.url() + "/sparql")
            .query(
                "CONSTRUCT { ?c <http://schema.org/courseCode> ?n } WHERE {"
                    + " ?c <http://schema.org/courseCode> ?n }")
            .build()) {
      assertThat(qe.execConstruct().size()).isEqualTo(2);
    }
    assertThat(
            ask(
                "ASK { GRAPH <http://node.test/resources/kosen-ec101> {"
                    + " <http://node.test/resources/kosen-ec101> <http://schema.org/courseCode> ?c } }"))
        .as("each resource is its own named graph")
        .isTrue();
  }

  @Test
  void describeAnswersRdf() {
    try (QueryExecution qe =
        QueryExecutionHTTP.service(node.url() + "/sparql")
            .query("DESCRIBE <http://node.test/resources/kosen-ec101>")
            .build()) {
      Model model = qe.execDescribe();
      assertThat(model.size()).isGreaterThan(5);
    }
  }

  @Test
  void selectResultsComeAsJsonXmlCsvAndTsv() {
    String query = "/sparql?query=" + encode(COURSES);

    JsonObject json = new JsonObject(node.get(query, "application/sparql-results+json").body());
    assertThat(json.getJsonObject("results").getJsonArray("bindings")).hasSize(2);
    assertThat(node.get(query, "application/sparql-results+xml").body())
        .contains("<sparql", "EC101");
    HttpResponse<String> csv = node.get(query, "text/csv");
    assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(csv.body().lines().toList()).first().isEqualTo("course,code");
    HttpResponse<String> tsv = node.get(query, "text/tab-separated-values");
    assertThat(tsv.body().lines().toList()).first().isEqualTo("?course\t?code");
    assertThat(node.get(query, "image/png").statusCode()).isEqualTo(406);
  }

  @Test
  void formEncodedAndDirectPostsAreAnswered() {
    HttpResponse<String> form =
        node.send(
            node.request("/sparql")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + encode(COURSES))));
    assertThat(form.body()).contains("EC101", "EC102");

    HttpResponse<String> direct =
        node.send(
            node.request("/sparql")
                .header("Content-Type", "application/sparql-query")
                .header("Accept", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(COURSES)));
    assertThat(direct.body()).contains("EC101", "EC102");
  }

  @Test
  void resultsAreCappedAtTheConfiguredNumber() {
    for (int i = 0; i < 3; i++) {
      node.post(
          "/resources",
          "text/turtle",
          fixture("course.ttl").replace("kosen-ec101", "extra-" + i).replace("EC101", "EX" + i));
    }
    JsonObject json =
        new JsonObject(
            node.get(
                    "/sparql?query="
                        + encode("SELECT ?s WHERE { ?s a <http://schema.org/Course> }"),
                    "application/sparql-results+json")
                .body());

    assertThat(json.getJsonObject("results").getJsonArray("bindings")).hasSize(3);
  }

  @Test
  void updatesAreRefusedWhicheverWayTheyCome() {
    String update = "INSERT DATA { <urn:x> <urn:y> <urn:z> }";
    assertReadOnly(node.get("/sparql?update=" + encode(update), null));
    assertReadOnly(
        node.send(
            node.request("/sparql")
                .header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofString(update))));
    assertReadOnly(
        node.send(
            node.request("/sparql")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("update=" + encode(update)))));
    assertReadOnly(node.get("/sparql?query=" + encode(update), null));
    assertThatThrownBy(
            () -> UpdateExecutionHTTP.service(node.url() + "/sparql").update(update).execute())
        .hasMessageContaining("403");
    assertThat(ask("ASK { <urn:x> <urn:y> <urn:z> }")).isFalse();
  }

  @Test
  void malformedQueryIs400WithTheParserMessage() {
    HttpResponse<String> response =
        node.get("/sparql?query=" + encode("SELECT ?s WHERE { ?s ?p }"), null);

    assertThat(response.statusCode()).isEqualTo(400);
    JsonObject problem = new JsonObject(response.body());
    assertThat(problem.getString("detail")).contains("line 1");
    assertThat(problem.getInteger("line")).isEqualTo(1);
    assertThat(node.get("/sparql", null).statusCode()).isEqualTo(400);
  }

  @Test
  void queryPastTheTimeLimitIsCancelledWith503(Vertx vertx) {
    node.close();
    startNode(vertx, Duration.ofMillis(300));
    generateResources(8);
    String slow =
        "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?o ?p }";

    HttpResponse<String> response = node.get("/sparql?query=" + encode(slow), null);

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(new JsonObject(response.body()).getString("detail")).contains("300 ms");
    assertThatThrownBy(
            () -> {
              try (QueryExecution qe =
                  QueryExecutionHTTP.service(node.url() + "/sparql").query(slow).build()) {
                qe.execSelect().hasNext();
              }
            })
        .isInstanceOf(QueryExceptionHTTP.class)
        .satisfies(e -> assertThat(((QueryExceptionHTTP) e).getStatusCode()).isEqualTo(503));
    assertThat(node.get("/health", null).statusCode()).as("the node still answers").isEqualTo(200);
  }

  // The request's dataset (SPARQL 1.1 Protocol 2.1.4), over the two graphs of start().
  private static final String A = "http://node.test/resources/kosen-ec101";
  private static final String B = "http://node.test/resources/kosen-ec102";
  private static final String CODES =
      "SELECT ?code WHERE { ?c <http://schema.org/courseCode> ?code } ORDER BY ?code";

  @Test
  void withoutADatasetTheDefaultGraphIsTheUnionOfTheNodesGraphs() {
    assertThat(csv("/sparql?query=" + encode(CODES))).isEqualTo("code\nEC101\nEC102\n");
  }

  @Test
  void fromMakesTheDefaultGraphOfTheNamedGraphsOnly() {
    String query = CODES.replace("WHERE", "FROM <" + B + "> WHERE");

    assertThat(csv("/sparql?query=" + encode(query))).isEqualTo("code\nEC102\n");
  }

  @Test
  void fromNamedLimitsTheNamedGraphsAndLeavesTheDefaultGraphEmpty() {
    String named =
        "SELECT ?g ?code FROM NAMED <"
            + A
            + "> WHERE { GRAPH ?g { ?c <http://schema.org/courseCode> ?code } }";
    String defaultGraph = CODES.replace("WHERE", "FROM NAMED <" + A + "> WHERE");

    assertThat(csv("/sparql?query=" + encode(named))).isEqualTo("g,code\n" + A + ",EC101\n");
    assertThat(csv("/sparql?query=" + encode(defaultGraph))).isEqualTo("code\n");
  }

  @Test
  void protocolParametersTakePrecedenceOverTheQuerysDataset() {
    String query = CODES.replace("WHERE", "FROM <" + B + "> WHERE");

    assertThat(csv("/sparql?query=" + encode(query) + "&default-graph-uri=" + encode(A)))
        .isEqualTo("code\nEC101\n");
    assertThat(
            csv(
                "/sparql?query="
                    + encode(CODES)
                    + "&default-graph-uri="
                    + encode(A)
                    + "&default-graph-uri="
                    + encode(B)))
        .isEqualTo("code\nEC101\nEC102\n");
    String named = "SELECT ?g WHERE { GRAPH ?g { } }";
    assertThat(csv("/sparql?query=" + encode(named) + "&named-graph-uri=" + encode(B)))
        .isEqualTo("g\n" + B + "\n");
  }

  @Test
  void postedQueriesNameTheirDatasetInTheFormOrTheUrl() {
    HttpResponse<String> form =
        node.send(
            node.request("/sparql")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/csv")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "query=" + encode(CODES) + "&default-graph-uri=" + encode(B))));
    HttpResponse<String> direct =
        node.send(
            node.request("/sparql?default-graph-uri=" + encode(A))
                .header("Content-Type", "application/sparql-query")
                .header("Accept", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(CODES)));

    assertThat(form.body().replace("\r", "")).isEqualTo("code\nEC102\n");
    assertThat(direct.body().replace("\r", "")).isEqualTo("code\nEC101\n");
  }

  @Test
  void aGraphNameThatIsNoAbsoluteIriIs400() {
    for (String name : new String[] {"not an iri", "relative/path", "http://a b"}) {
      HttpResponse<String> response =
          node.get(
              "/sparql?query=" + encode(CODES) + "&named-graph-uri=" + encode(name), "text/csv");

      assertThat(response.statusCode()).as(name).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("application/problem+json");
      assertThat(new JsonObject(response.body()).getString("detail")).contains("named-graph-uri");
    }
  }

  private String csv(String path) {
    HttpResponse<String> response = node.get(path, "text/csv");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body().replace("\r", "");
  }

  private boolean ask(String query) {
    try (QueryExecution qe =
        QueryExecutionHTTP.service(node.url() + "/sparql").query(query).build()) {
      return qe.execAsk();
    }
  }

  private void generateResources(int count) {
    for (int i = 0; i < count; i++) {
      Graph graph = GraphFactory.createDefaultGraph();
      Node subject = NodeFactory.createBlankNode();
      graph.add(
          Triple.create(
              subject, RDF.type.asNode(), NodeFactory.createURI("http://schema.org/Course")));
      for (int j = 0; j < 5; j++) {
        graph.add(
            Triple.create(
                subject,
                NodeFactory.createURI("http://schema.org/keywords"),
                NodeFactory.createLiteralString("keyword " + i + "-" + j)));
      }
      node.verticle().store().create(new ResourceDraft(graph, subject, null, "generated " + i));
    }
  }

  private static void assertReadOnly(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    assertThat(new JsonObject(response.body()).getString("type")).endsWith("read-only");
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
