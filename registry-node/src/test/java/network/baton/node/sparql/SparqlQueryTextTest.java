package network.baton.node.sparql;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import network.baton.node.NodePerTest;
import network.baton.node.config.QueryLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The query text itself (issue 11, items 6 and the SPARQL part of the 414/413 answers): too long is
 * 414 in a GET and 413 in a POST, refused before it is parsed; nesting deeper than a parser's stack
 * and syntax errors are 400 with a reason (line and column for a syntax error), on {@code /sparql}
 * and {@code /federation/sparql} alike; every one is problem+json.
 */
@Timeout(60)
class SparqlQueryTextTest extends NodePerTest {

  @Test
  void queryTextOverTheLimitIs414InAGetAnd413InAPost(Vertx vertx) {
    start(vertx, c -> c.withSparql(q -> q.withLimits(limitedTo(1024))));
    String longQuery = "SELECT * { ?s ?p ?o } #" + "x".repeat(2000);

    HttpResponse<String> get = node.get("/sparql?query=" + encode(longQuery), null);
    assertTooLong(get, 414);
    assertThat(new JsonObject(get.body()).getString("detail")).contains("POST");

    assertTooLong(post("/sparql", "application/sparql-query", longQuery), 413);
    assertTooLong(
        post("/sparql", "application/x-www-form-urlencoded", "query=" + encode(longQuery)), 413);
    assertTooLong(post("/federation/sparql", "application/sparql-query", longQuery), 413);
    // Multi-byte characters count as their UTF-8 bytes.
    assertTooLong(
        post(
            "/sparql",
            "application/sparql-query",
            "SELECT * { ?s ?p \"" + "電".repeat(400) + "\" }"),
        413);

    HttpResponse<String> fits = post("/sparql", "application/sparql-query", "ASK { ?s ?p ?o }");
    assertThat(fits.statusCode()).as(fits.body()).isEqualTo(200);
  }

  @Test
  void hugeQueriesAreRefusedAtTheDefaultLimits(Vertx vertx) {
    start(vertx);
    String huge = "SELECT * { ?s ?p ?o } #" + "x".repeat(300_000);

    assertTooLong(post("/sparql", "application/sparql-query", huge), 413);
    assertTooLong(post("/federation/sparql", "application/sparql-query", huge), 413);
    // Longer than any request line the server takes: refused before routing (last: the server
    // closes that connection without saying so, and the client would reuse it).
    assertThat(node.get("/sparql?query=" + encode(huge), null).statusCode()).isEqualTo(414);
  }

  @Test
  void nestingDeeperThanTheParserIs400(Vertx vertx) {
    start(vertx);
    String deep = "SELECT * " + "{ ".repeat(60_000) + "?s ?p ?o " + "} ".repeat(60_000);
    String deepExpression =
        "SELECT * { ?s ?p ?o FILTER(" + "(".repeat(60_000) + "?o" + ")".repeat(60_000) + ") }";

    for (String query : new String[] {deep, deepExpression}) {
      for (String path : new String[] {"/sparql", "/federation/sparql"}) {
        HttpResponse<String> response = post(path, "application/sparql-query", query);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
            .hasValue("application/problem+json");
        assertThat(new JsonObject(response.body()).getString("type"))
            .endsWith("#query-too-complex");
      }
    }
    assertThat(node.get("/health", null).statusCode()).isEqualTo(200);
  }

  @Test
  void syntaxErrorsGiveLineAndColumnOnBothEndpoints(Vertx vertx) {
    start(vertx);
    String broken = "SELECT ?s\nWHERE { ?s ?p }";

    for (String path : new String[] {"/sparql", "/federation/sparql"}) {
      HttpResponse<String> response = post(path, "application/sparql-query", broken);
      assertThat(response.statusCode()).as(path).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("application/problem+json");
      JsonObject problem = new JsonObject(response.body());
      assertThat(problem.getString("type")).endsWith("#malformed-query");
      assertThat(problem.getInteger("line")).as(path).isEqualTo(2);
      assertThat(problem.getInteger("column")).as(path).isPositive();
    }
  }

  private static QueryLimits limitedTo(long bytes) {
    QueryLimits d = QueryLimits.defaults();
    return new QueryLimits(bytes, d.maxStringLength(), d.memoryBytes(), d.maxAnswerBytes());
  }

  private HttpResponse<String> post(String path, String type, String body) {
    return node.send(
        node.request(path)
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  private static void assertTooLong(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonObject problem = new JsonObject(response.body());
    assertThat(problem.getString("type")).endsWith("#query-too-long");
    assertThat(problem.getString("limit")).isEqualTo("sparqlMaxQueryBytes");
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
