package network.baton.node.sparql;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import network.baton.node.RunningNode;
import network.baton.node.config.QueryLimits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One query cannot fill the heap (issue 11, item 5): strings, numbers, solutions held by ORDER BY,
 * GROUP BY, DISTINCT, joins and CONSTRUCT, and the answer are bounded, and a query past a bound
 * gets 422 naming it while the node stays healthy. Runs with the heap surefire gives (no -Xmx in
 * the POM: a quarter of the machine's memory), the node at its default limits except the answer
 * size and a time limit long enough that the memory bounds, not the clock, stop these queries.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
class SparqlMemoryLimitsTest {

  private static final long ANSWER_LIMIT = 256 * 1024;

  @TempDir static Path data;
  private RunningNode node;

  @BeforeAll
  void start(Vertx vertx) {
    QueryLimits defaults = QueryLimits.defaults();
    node =
        RunningNode.start(
            vertx,
            data,
            c ->
                c.withSparql(q -> q.withTimeout(Duration.ofSeconds(60)))
                    .withSparql(
                        q ->
                            q.withLimits(
                                new QueryLimits(
                                    defaults.maxQueryBytes(),
                                    defaults.maxStringLength(),
                                    defaults.memoryBytes(),
                                    ANSWER_LIMIT))));
    node.publishKosenSample();
  }

  @AfterAll
  void stop() {
    node.close();
  }

  @Test
  void thirtyChainedConcatsStopAtTheLongestString() {
    StringBuilder query =
        new StringBuilder("SELECT ?x30 { ?s ?p ?o BIND(CONCAT(STR(?s), STR(?s)) AS ?x1)");
    for (int i = 2; i <= 30; i++) {
      query
          .append(" BIND(CONCAT(?x")
          .append(i - 1)
          .append(", ?x")
          .append(i - 1)
          .append(") AS ?x")
          .append(i)
          .append(")");
    }
    query.append(" }");

    assertTooLarge(query.toString(), "sparqlMaxStringLength");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // Each group's GROUP_CONCAT over a million solutions.
        "SELECT ?p (GROUP_CONCAT(?o) AS ?all) { ?s ?p ?o . ?a ?b ?c } GROUP BY ?p",
        // One replacement of the whole literal by itself many times over, three times.
        "SELECT ?x { ?s ?p ?o FILTER(STRLEN(?o) > 50) BIND(\"$0$0$0$0$0$0$0$0$0$0$0$0$0$0$0$0$0$0$0$0$0$0$0$0$0$0$0$0$0$0$0$0\""
            + " AS ?r) BIND(REPLACE(REPLACE(REPLACE(?o, \".*\", ?r), \".*\", ?r), \".*\", ?r) AS ?x) }",
        // UCASE grows "ß" threefold; CONCATs on either side.
        "SELECT ?x { ?s ?p ?o FILTER(STRLEN(?o) > 50) BIND(STR(?o) AS ?a)"
            + " BIND(CONCAT(?a,?a,?a,?a,?a,?a,?a,?a) AS ?b) BIND(CONCAT(?b,?b,?b,?b,?b,?b,?b,?b) AS ?c)"
            + " BIND(UCASE(CONCAT(?c,?c,?c,?c,?c,?c,?c,?c)) AS ?d) BIND(CONCAT(?d,?d,?d,?d,?d,?d,?d,?d)"
            + " AS ?e) BIND(CONCAT(?e,?e,?e,?e,?e,?e,?e,?e) AS ?x) }"
      })
  void stringBuildersStopAtTheLongestString(String query) {
    assertTooLarge(query, "sparqlMaxStringLength");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT * { ?s ?p ?o . ?a ?b ?c } ORDER BY ?o ?c",
        // DISTINCT passes solutions on as it goes but keeps each; OFFSET keeps them from the
        // answer.
        "SELECT DISTINCT ?x { ?s ?p ?o . ?a ?b ?c BIND(CONCAT(STR(?o), STR(?c)) AS ?oc)"
            + " BIND(CONCAT(?oc,?oc,?oc,?oc,?oc,?oc,?oc,?oc,?oc,?oc,?oc,?oc,?oc,?oc,?oc,?oc) AS ?x) }"
            + " OFFSET 100000000 LIMIT 1",
        "SELECT ?o ?c (COUNT(*) AS ?n) { ?s ?p ?o . ?a ?b ?c } GROUP BY ?o ?c",
        "SELECT (COUNT(DISTINCT ?c) AS ?n) { ?s ?p ?o . ?a ?b ?c BIND(CONCAT(STR(?o), STR(?c)) AS"
            + " ?k) }",
        // The right of MINUS is hashed whole.
        "SELECT ?s { ?s a ?t MINUS { ?s ?y ?z . ?a ?b ?c FILTER(?s != ?a) } }",
        // A CONSTRUCT graph of long computed literals.
        "CONSTRUCT { ?s <urn:p> ?big } WHERE { ?s ?p ?o BIND(STR(?s) AS ?a) BIND(CONCAT(?a,?a,?a,?a,?a,"
            + "?a,?a,?a) AS ?b) BIND(CONCAT(?b,?b,?b,?b,?b,?b,?b,?b) AS ?c) BIND(CONCAT(?c,?c,?c,?c,"
            + "?c,?c,?c,?c) AS ?d) BIND(CONCAT(?d,?d,?d,?d,?d,?d,?d,?d,?d,?d,?d,?d) AS ?big) }"
      })
  void heldSolutionsStopAtTheMemoryLimit(String query) {
    assertTooLarge(query, "sparqlMemoryBytes");
  }

  @Test
  void chainedSquaresAndLongNumeralsStopAtTheLongestNumber() {
    StringBuilder squares = new StringBuilder("SELECT ?n20 { BIND(12345678901234567890 AS ?n0)");
    for (int i = 1; i <= 20; i++) {
      squares
          .append(" BIND(?n")
          .append(i - 1)
          .append(" * ?n")
          .append(i - 1)
          .append(" AS ?n")
          .append(i)
          .append(")");
    }
    squares.append(" }");
    assertTooLarge(squares.toString(), "numberDigits");

    String numeral =
        "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> SELECT ?n { ?s ?p ?o BIND(STR(?s) AS ?a)"
            + " BIND(CONCAT(?a,?a,?a,?a,?a,?a,?a,?a) AS ?b) BIND(CONCAT(?b,?b,?b,?b,?b,?b,?b,?b) AS ?c)"
            + " BIND(STRDT(REPLACE(CONCAT(?c,?c,?c,?c,?c,?c,?c,?c), \".\", \"9\"), xsd:integer) + 1"
            + " AS ?n) }";
    assertTooLarge(numeral, "numberDigits");
  }

  @Test
  void answerPastItsLimitIsRefused() {
    assertTooLarge("SELECT * { ?s ?p ?o . ?a ?b ?c }", "sparqlMaxAnswerBytes");
  }

  @Test
  void honestQueriesStillAnswer() {
    String honest =
        "SELECT ?p (COUNT(*) AS ?n) (GROUP_CONCAT(DISTINCT STR(?s); separator=\"|\") AS ?subjects)"
            + " { ?s ?p ?o } GROUP BY ?p ORDER BY DESC(?n) LIMIT 5";
    HttpResponse<String> response = node.sparql(honest, "application/sparql-results+json");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(new JsonObject(response.body()).getJsonObject("results").getJsonArray("bindings"))
        .hasSize(5);
  }

  private void assertTooLarge(String query, String limit) {
    HttpResponse<String> response = node.get("/sparql?query=" + encode(query), null);

    assertThat(response.statusCode()).as(query + "\n" + response.body()).isEqualTo(422);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonObject problem = new JsonObject(response.body());
    assertThat(problem.getString("type")).endsWith("#query-too-large");
    assertThat(problem.getString("limit")).isEqualTo(limit);
    assertThat(node.get("/health", null).statusCode()).as("the node stays healthy").isEqualTo(200);
    assertThat(node.get("/sparql?query=" + encode("ASK { ?s ?p ?o }"), null).statusCode())
        .isEqualTo(200);
    System.gc();
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    System.out.printf(
        "memory: %s -> %d %s; heap after GC %d MB of %d MB%n",
        limit,
        response.statusCode(),
        problem.getString("detail"),
        heap.getUsed() >> 20,
        heap.getMax() >> 20);
    assertThat(heap.getUsed()).as("heap after GC").isLessThan(heap.getMax() * 3 / 4);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
