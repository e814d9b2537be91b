package network.baton.node.sparql;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import network.baton.node.RunningNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: a jena-text {@code text:query} over a dataset the request names ({@code
 * default-graph-uri}, {@code named-graph-uri}, {@code FROM}) is refused with 400 and the reason,
 * never answered with hits from graphs outside the dataset; {@code GRAPH <iri>} limits it instead.
 */
@ExtendWith(VertxExtension.class)
@Timeout(60)
class SparqlTextDatasetTest {
  private static final String A = "http://node.test/resources/kosen-ec101";
  private static final String B = "http://node.test/resources/kosen-ec102";
  private static final String PREFIXES =
      "PREFIX text: <http://jena.apache.org/text#> PREFIX schema: <http://schema.org/> ";
  // Both courses are named "Fundamentals of Electrochemistry".
  private static final String TEXT =
      PREFIXES + "SELECT ?s WHERE { ?s text:query (schema:name 'electrochemistry') } ORDER BY ?s";
  private static final String TEXT_IN_GRAPHS =
      PREFIXES
          + "SELECT ?g ?s WHERE { GRAPH ?g { ?s text:query (schema:name 'electrochemistry') } }"
          + " ORDER BY ?g";

  @TempDir Path dataDir;
  private RunningNode node;

  @BeforeEach
  void start(Vertx vertx) {
    node = RunningNode.start(vertx, dataDir, c -> c);
    TwoCourses.publish(node);
  }

  @AfterEach
  void stop() {
    node.close();
  }

  @Test
  void withoutADatasetTextQueryFindsBothCourses() {
    assertThat(csv("/sparql?query=" + encode(TEXT))).isEqualTo("s\n" + A + "\n" + B + "\n");
  }

  // jena-text answers from the whole index whatever the dataset (its hits came from graphs left
  // out), so a text:query over a named dataset is refused with the reason, not half honoured.
  @Test
  void textQueryOverANamedDatasetIsRefusedWithTheReason() {
    String inSubquery =
        PREFIXES
            + "SELECT * FROM <"
            + B
            + "> WHERE { { SELECT ?s WHERE { ?s text:query (schema:name 'electrochemistry') } } }";
    String[] requests = {
      "/sparql?query=" + encode(TEXT) + "&default-graph-uri=" + encode(A),
      "/sparql?query=" + encode(TEXT_IN_GRAPHS) + "&named-graph-uri=" + encode(B),
      "/sparql?query=" + encode(TEXT.replace("WHERE", "FROM <" + B + "> WHERE")),
      "/sparql?query=" + encode(inSubquery)
    };
    for (String request : requests) {
      HttpResponse<String> response = node.get(request, "text/csv");

      assertThat(response.statusCode()).as(request + " " + response.body()).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("application/problem+json");
      assertThat(new JsonObject(response.body()).getString("detail"))
          .contains("text:query", "cannot be limited to the dataset");
    }
  }

  @Test
  void aGraphPatternLimitsTextQueryToThatGraph() {
    String query =
        PREFIXES
            + "SELECT ?s WHERE { GRAPH <"
            + B
            + "> { ?s text:query (schema:name 'electrochemistry') } }";

    assertThat(csv("/sparql?query=" + encode(query))).isEqualTo("s\n" + B + "\n");
  }

  @Test
  void aNamedDatasetStillAnswersQueriesWithoutTextQuery() {
    String names =
        PREFIXES + "SELECT ?s WHERE { ?s schema:name 'Fundamentals of Electrochemistry'@en }";

    assertThat(csv("/sparql?query=" + encode(names) + "&default-graph-uri=" + encode(A)))
        .isEqualTo("s\n" + A + "\n");
  }

  private String csv(String path) {
    HttpResponse<String> response = node.get(path, "text/csv");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body().replace("\r", "");
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
