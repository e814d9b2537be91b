package network.baton.node.sparql;

import static java.nio.charset.StandardCharsets.UTF_8;
import static network.baton.node.RunningNode.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import network.baton.node.RunningNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RDF dataset a SPARQL request names (SPARQL 1.1 Protocol 2.1.4) is honoured over the node's
 * graphs: FROM and FROM NAMED in the query, default-graph-uri and named-graph-uri as parameters
 * (which win over the query's), in GET, form POST and direct POST; a name that is no IRI is 400.
 */
@ExtendWith(VertxExtension.class)
@Timeout(60)
class SparqlDatasetTest {

  private static final String A = "http://node.test/resources/kosen-ec101";
  private static final String B = "http://node.test/resources/kosen-ec102";
  private static final String CODES =
      "SELECT ?code WHERE { ?c <http://schema.org/courseCode> ?code } ORDER BY ?code";

  @TempDir Path dataDir;
  private RunningNode node;

  @BeforeEach
  void start(Vertx vertx) {
    node = RunningNode.start(vertx, dataDir);
    node.post("/resources", "text/turtle", fixture("course.ttl"));
    node.post(
        "/resources",
        "text/turtle",
        fixture("course.ttl").replace("kosen-ec101", "kosen-ec102").replace("EC101", "EC102"));
  }

  @AfterEach
  void stop() {
    node.close();
  }

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

  private static String encode(String text) {
    return URLEncoder.encode(text, UTF_8);
  }
}
