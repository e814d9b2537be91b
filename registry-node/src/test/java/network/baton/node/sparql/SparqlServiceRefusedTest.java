package network.baton.node.sparql;

import static network.baton.node.RunningNode.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import network.baton.node.RunningNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The public endpoints never call out for a query (issue 11, item 3): SERVICE in any position is a
 * 400 before anything runs, FROM and FROM NAMED select graphs of the store, and no function or
 * property function outside the allowed ones runs. Listeners on loopback fail the test if anything
 * connects to them.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class SparqlServiceRefusedTest {

  @TempDir static Path data;
  private RunningNode node;
  private final List<Tripwire> tripwires = new ArrayList<>();
  private int port;
  private int port6;

  @BeforeAll
  void start(Vertx vertx) throws IOException {
    Tripwire v4 = Tripwire.on("127.0.0.1");
    tripwires.add(v4);
    port = v4.port();
    try {
      Tripwire v6 = Tripwire.on("::1");
      tripwires.add(v6);
      port6 = v6.port();
    } catch (IOException e) {
      port6 = port; // no IPv6 loopback here: [::1] then cannot connect anywhere
    }
    node = RunningNode.start(vertx, data);
    node.post("/resources", "text/turtle", fixture("course.ttl"));
  }

  @BeforeEach
  void resetTripwires() {
    tripwires.forEach(Tripwire::reset);
  }

  @AfterAll
  void stop() throws IOException {
    node.close();
    for (Tripwire t : tripwires) {
      t.close();
    }
  }

  private List<String> serviceQueries() {
    String v4 = "http://127.0.0.1:" + port + "/sparql";
    String local = "http://localhost:" + port + "/sparql";
    String v6 = "http://[::1]:" + port6 + "/sparql";
    return List.of(
        "SELECT * { SERVICE <" + v4 + "> { ?s ?p ?o } }",
        "SELECT * { SERVICE SILENT <" + local + "> { ?s ?p ?o } }",
        "SELECT * { ?x ?y ?z OPTIONAL { SERVICE <" + v6 + "> { ?s ?p ?o } } }",
        "SELECT * { { ?s ?p ?o } UNION { SERVICE SILENT <" + v4 + "> { ?s ?p ?o } } }",
        "SELECT * { { SELECT ?s WHERE { SERVICE <" + local + "> { ?s ?p ?o } } LIMIT 1 } }",
        "SELECT * { VALUES ?endpoint { <" + v4 + "> } SERVICE ?endpoint { ?s ?p ?o } }",
        "SELECT * { ?s ?p ?o FILTER NOT EXISTS { SERVICE <" + v4 + "> { ?s ?p ?o } } }",
        "SELECT * { SERVICE <file:///etc/passwd> { ?s ?p ?o } }",
        "ASK { SERVICE <" + v4 + "> { ?s ?p ?o } }",
        "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE SILENT <" + v6 + "> { ?s ?p ?o } }");
  }

  @Test
  void serviceIsRefusedWith400BeforeAnythingIsCalled() {
    for (String query : serviceQueries()) {
      HttpResponse<String> response = node.get("/sparql?query=" + encode(query), null);
      assertRefused(response, query);
      assertThat(new JsonObject(response.body()).getString("detail")).contains("SERVICE");
    }
    assertThat(hits()).isEmpty();
  }

  @Test
  void serviceIsRefusedOnTheFederatedEndpointToo() {
    for (String query : serviceQueries()) {
      if (!query.startsWith("SELECT")) {
        continue;
      }
      HttpResponse<String> response =
          node.send(
              node.request("/federation/sparql")
                  .header("Content-Type", "application/sparql-query")
                  .POST(HttpRequest.BodyPublishers.ofString(query)));
      assertRefused(response, query);
    }
    assertThat(hits()).isEmpty();
  }

  @Test
  void fromAndFromNamedSelectGraphsOfTheStoreAndFetchNothing() {
    String v4 = "http://127.0.0.1:" + port + "/g";
    for (String query :
        List.of(
            "SELECT * FROM <" + v4 + "> { ?s ?p ?o }",
            "SELECT * FROM NAMED <http://localhost:" + port + "/g> { GRAPH ?g { ?s ?p ?o } }",
            "SELECT * FROM <file:///etc/passwd> { ?s ?p ?o }",
            "ASK FROM <http://[::1]:" + port6 + "/g> { ?s ?p ?o }")) {
      HttpResponse<String> response =
          node.get("/sparql?query=" + encode(query), "application/sparql-results+json");
      assertThat(response.statusCode()).as(query + "\n" + response.body()).isEqualTo(200);
      assertThat(response.body()).doesNotContain("root:");
    }
    HttpResponse<String> stored =
        node.get(
            "/sparql?query="
                + encode(
                    "SELECT ?code FROM <http://node.test/resources/kosen-ec101>"
                        + " { ?c <http://schema.org/courseCode> ?code }"),
            "text/csv");
    assertThat(stored.body()).as("FROM names a graph of the store").contains("EC101");
    assertThat(hits()).isEmpty();
  }

  @Test
  void functionsAndPropertyFunctionsOutsideTheAllowedOnesAreRefused() {
    for (String query :
        List.of(
            "SELECT * { BIND(<http://127.0.0.1:" + port + "/f>(1) AS ?x) }",
            "SELECT * { BIND(<java:org.apache.jena.sparql.function.library.sprintf>(\"%s\", 1)"
                + " AS ?x) }",
            "PREFIX afn: <http://jena.apache.org/ARQ/function#>"
                + " SELECT * { BIND(afn:sprintf(\"%999999999d\", 1) AS ?x) }",
            "PREFIX fn: <http://www.w3.org/2005/xpath-functions#>"
                + " SELECT * { BIND(fn:apply(<http://127.0.0.1:"
                + port
                + "/f>, 1) AS ?x) }",
            "PREFIX apf: <http://jena.apache.org/ARQ/property#>"
                + " SELECT ?x { ?x apf:strSplit (\"a b\" \" \") }",
            "SELECT ?x { ?x <java:org.apache.jena.sparql.pfunction.library.concat> (\"a\" \"b\") }",
            "SELECT (<http://127.0.0.1:" + port + "/agg>(?o) AS ?x) { ?s ?p ?o }")) {
      assertRefused(node.get("/sparql?query=" + encode(query), null), query);
    }
    assertThat(hits()).isEmpty();
  }

  @Test
  void allowedFunctionsAnswerAsJenaDoes() {
    String query =
        "PREFIX fn: <http://www.w3.org/2005/xpath-functions#>"
            + " PREFIX afn: <http://jena.apache.org/ARQ/function#>"
            + " PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>"
            + " SELECT ?up ?local ?n { <http://node.test/resources/kosen-ec101>"
            + " <http://schema.org/courseCode> ?code"
            + " BIND(fn:upper-case(concat(?code, \"x\")) AS ?up)"
            + " BIND(afn:localname(<http://node.test/resources/kosen-ec101>) AS ?local)"
            + " BIND(xsd:integer(\"42\") * 2 AS ?n) }";

    HttpResponse<String> response = node.get("/sparql?query=" + encode(query), "text/csv");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).contains("EC101X,kosen-ec101,84");
  }

  private static void assertRefused(HttpResponse<String> response, String query) {
    assertThat(response.statusCode()).as(query + "\n" + response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(new JsonObject(response.body()).getString("type")).endsWith("#query-not-allowed");
  }

  private List<String> hits() {
    return tripwires.stream().flatMap(t -> t.hits().stream()).toList();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
