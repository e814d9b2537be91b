package network.baton.node.http;

import static network.baton.node.RunningNode.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import network.baton.credential.http.ProblemHandler;
import network.baton.node.NodePerTest;
import network.baton.node.RunningNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Bodies a careless or hostile client sends to the publishing and query routes: nested thousands
 * deep, not UTF-8, JSON-LD with more values than expansion can handle. Each is refused with a
 * problem that says why, and nothing is stored.
 */
@Timeout(120)
class UntrustedBodiesTest extends NodePerTest {

  private static final byte BAD = (byte) 0xff;

  @BeforeEach
  void startNode(Vertx vertx) {
    start(vertx);
  }

  @Test
  void turtleCollectionsNestedFiveThousandDeepAreA400WithTheLine() {
    String deep =
        "@prefix s: <http://schema.org/> .\n<resources/deep> a s:Course ;\n  s:about "
            + "( ".repeat(5_000)
            + ")".repeat(5_000)
            + " .";

    JsonObject problem = problem(post("/resources", "text/turtle", utf8(deep)), 400);

    assertThat(problem.getString("detail")).startsWith("line 3, column ").contains("64 levels");
    assertThat(problem.getString("limit")).isEqualTo("maxNestingDepth");
    assertThat(problem.getLong("line")).isEqualTo(3);
    assertNothingStored();
  }

  @Test
  void blankNodesNestedFiveThousandDeepAreA400() {
    String deep =
        "@prefix s: <http://schema.org/> .\n<resources/deep> a s:Course ; s:about "
            + "[ s:about ".repeat(5_000)
            + "1"
            + " ]".repeat(5_000)
            + " .";

    assertThat(problem(put("/resources/deep", "text/turtle", utf8(deep)), 400).getString("limit"))
        .isEqualTo("maxNestingDepth");
    assertNothingStored();
  }

  @Test
  void jsonLdNestedDeeperThanTheLimitIsA400BeforeExpansion() {
    // Jackson refuses 1,000 levels itself; 990 went through to expansion and SHACL (a 422).
    StringBuilder deep =
        new StringBuilder(
            "{\"@context\": \"https://w3id.org/baton/context/v1\", \"id\": \"resources/deep\","
                + " \"type\": \"Course\", \"hasPart\": ");
    deep.append("{\"type\": \"Course\", \"hasPart\": ".repeat(990)).append("{}");
    deep.append("}".repeat(991));

    JsonObject problem =
        problem(post("/resources", "application/ld+json", utf8(deep.toString())), 400);

    assertThat(problem.getString("limit")).isEqualTo("maxNestingDepth");
    assertNothingStored();
  }

  @Test
  void aTrigBatchNestedFiveThousandDeepIsA400() {
    String deep =
        "<http://node.test/resources/deep> { <http://node.test/resources/deep>"
            + " <http://schema.org/about> "
            + "( ".repeat(5_000)
            + ")".repeat(5_000)
            + " . }";

    problem(post("/resources/batch", "application/trig", utf8(deep)), 400);
    assertNothingStored();
  }

  @Test
  void turtleThatIsNotUtf8IsRefusedNamingTheByteInsteadOfStoredWithReplacementCharacters() {
    byte[] body = withBadByteAfter(fixture("course.ttl"), "Fundamentals of Electro");
    int at = indexOf(body, BAD);

    JsonObject problem = problem(post("/resources", "text/turtle", body), 400);

    assertThat(problem.getString("detail")).contains("not valid UTF-8 at byte " + at);
    assertThat(problem.getLong("byteOffset")).isEqualTo(at);
    assertNothingStored();
  }

  @Test
  void jsonLdAndBatchesThatAreNotUtf8AreRefused() {
    problem(
        post(
            "/resources",
            "application/ld+json",
            withBadByteAfter(fixture("course.jsonld"), "Battery Saf")),
        400);
    problem(
        post(
            "/resources/batch",
            "application/trig",
            withBadByteAfter(fixture("batch.trig"), "Cell potential")),
        400);
    problem(
        put(
            "/resources/kosen-ec101",
            "text/turtle",
            withBadByteAfter(fixture("course.ttl"), "EC1")),
        400);
    assertNothingStored();
  }

  @Test
  void sparqlQueriesThatAreNotUtf8AreRefused() {
    byte[] query = withBadByteAfter("SELECT * { ?s ?p \"x\" } LIMIT 1", "?p \"");

    problem(post("/sparql", "application/sparql-query", query), 400);
    JsonObject form =
        problem(
            post(
                "/sparql",
                "application/x-www-form-urlencoded",
                utf8("query=SELECT%20*%20%7B%20%3Fs%20%3Fp%20%22%FF%22%20%7D")),
            400);
    assertThat(form.getLong("byteOffset")).isEqualTo(42);
  }

  @Test
  void jsonLdWithTenThousandNodesInOneArrayIsRefusedBeforeExpansion() {
    // Expansion is quadratic in the length of one array: 10,000 nodes took over 15 s to refuse.
    StringBuilder parts = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      parts.append(i == 0 ? "" : ",").append("{\"type\": \"Course\", \"name\": \"p").append(i);
      parts.append("\"}");
    }
    String body =
        "{\"@context\": \"https://w3id.org/baton/context/v1\", \"id\": \"resources/wide\","
            + " \"type\": \"Course\", \"hasPart\": ["
            + parts
            + "]}";

    JsonObject problem = problem(post("/resources", "application/ld+json", utf8(body)), 413);

    assertThat(problem.getString("limit")).isEqualTo("maxJsonArrayLength");
    assertNothingStored();
  }

  @Test
  void jsonLdWithTwoHundredThousandMembersIsRefusedBeforeExpansion() {
    StringBuilder body =
        new StringBuilder(
            "{\"@context\": \"https://w3id.org/baton/context/v1\", \"id\": \"resources/wide\","
                + " \"type\": \"Course\"");
    for (int i = 0; i < 200_000; i++) {
      body.append(", \"http://example.org/k").append(i).append("\": ").append(i);
    }
    body.append('}');

    JsonObject problem =
        problem(post("/resources", "application/ld+json", utf8(body.toString())), 413);

    assertThat(problem.getString("limit")).isEqualTo("maxJsonKeys");
    assertNothingStored();
  }

  private HttpResponse<String> post(String path, String type, byte[] body) {
    return asAdmin("POST", path, type, body);
  }

  private HttpResponse<String> put(String path, String type, byte[] body) {
    return asAdmin("PUT", path, type, body);
  }

  private HttpResponse<String> asAdmin(String method, String path, String type, byte[] body) {
    return node.send(
        node.request(path)
            .header("Content-Type", type)
            .header("Authorization", "Bearer " + RunningNode.TOKEN)
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private void assertNothingStored() {
    JsonObject list = new JsonObject(node.get("/resources", "application/json").body());
    assertThat(list.getLong("total")).isZero();
  }

  private static JsonObject problem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue(ProblemHandler.PROBLEM_JSON);
    JsonObject problem = new JsonObject(response.body());
    assertThat(problem.getInteger("status")).isEqualTo(status);
    assertThat(problem.getString("detail")).isNotBlank();
    return problem;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] withBadByteAfter(String text, String marker) {
    int at = text.indexOf(marker);
    assertThat(at).as(marker).isNotNegative();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(utf8(text.substring(0, at + marker.length())));
    out.write(BAD);
    out.writeBytes(utf8(text.substring(at + marker.length())));
    return out.toByteArray();
  }

  private static int indexOf(byte[] bytes, byte value) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == value) {
        return i;
      }
    }
    return -1;
  }
}
