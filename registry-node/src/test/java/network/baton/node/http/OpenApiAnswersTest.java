package network.baton.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import network.baton.node.RunningNode;
import org.junit.jupiter.api.Test;

/**
 * What a node with every extension on answers for the documented operations: HEAD like GET, 405
 * with Allow, and only statuses the document lists for the operation.
 */
class OpenApiAnswersTest extends EveryExtensionNode {

  @Test
  void headAnswersEveryDocumentedGetWithItsStatusAndHeadersAndNoBody() {
    for (String operation : OpenApiOperations.documented(OpenApiRoutes.document())) {
      if (!operation.startsWith("GET ")) continue;
      String path = OpenApiOperations.samplePath(operation.substring(4));
      HttpResponse<String> get = node.send(node.request(path).GET());
      HttpResponse<String> head =
          node.send(
              node.request(path).method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()));

      assertThat(head.statusCode()).as("HEAD " + path).isEqualTo(get.statusCode());
      assertThat(head.body()).as("HEAD " + path).isEmpty();
      Map<String, List<String>> getHeaders = comparable(get);
      Map<String, List<String>> headHeaders = comparable(head);
      assertThat(headHeaders).as("HEAD " + path + " headers").isEqualTo(getHeaders);
      // RFC 9110 8.6: a Content-Length on HEAD, if sent, is the GET's.
      head.headers()
          .firstValue("content-length")
          .ifPresent(
              length ->
                  assertThat(get.headers().firstValue("content-length"))
                      .as("HEAD " + path)
                      .hasValue(length));
    }
  }

  @Test
  void every405CarriesAllowWithTheMethodsOfItsPath() {
    Map<String, Set<String>> byPath = new java.util.TreeMap<>();
    for (String operation :
        OpenApiOperations.withImpliedHead(OpenApiOperations.documented(OpenApiRoutes.document()))) {
      String[] parts = operation.split(" ", 2);
      byPath.computeIfAbsent(parts[1], p -> new TreeSet<>()).add(parts[0]);
    }
    for (Map.Entry<String, Set<String>> path : byPath.entrySet()) {
      String sample = OpenApiOperations.samplePath(path.getKey());
      HttpResponse<String> refused =
          node.send(
              node.request(sample)
                  .method("PATCH", java.net.http.HttpRequest.BodyPublishers.noBody()));

      assertThat(refused.statusCode()).as("PATCH " + sample).isEqualTo(405);
      assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      Set<String> allow =
          new TreeSet<>(
              List.of(refused.headers().firstValue("Allow").orElseThrow().split(",\\s*")));
      assertThat(allow).as("Allow of " + sample).containsAll(path.getValue());
      assertThat(allow).doesNotContain("PATCH");
    }
  }

  @Test
  void theStatusesTheNodeAnswersAreDocumentedForTheirOperation() {
    JsonNode document = OpenApiRoutes.document();
    String resource = "/resources/openapi-statuses";
    String turtle = RunningNode.fixture("course.ttl").replace("kosen-ec101", "openapi-statuses");
    java.util.function.BiFunction<String, String, java.net.http.HttpRequest.Builder> admin =
        (path, type) ->
            node.request(path)
                .header("Authorization", "Bearer " + RunningNode.TOKEN)
                .header("Content-Type", type);
    java.util.function.Function<String, java.net.http.HttpRequest.BodyPublisher> text =
        java.net.http.HttpRequest.BodyPublishers::ofString;

    expect(document, "POST /resources", 201, node.post("/resources", "text/turtle", turtle));
    String etag = node.get(resource, "text/turtle").headers().firstValue("ETag").orElseThrow();
    expect(
        document,
        "GET /resources/{id}",
        304,
        node.send(
            node.request(resource)
                .header("Accept", "text/turtle")
                .header("If-None-Match", etag)
                .GET()));
    expect(document, "GET /resources/{id}", 406, node.get(resource, "image/png"));
    expect(document, "GET /resources/{id}", 404, node.get("/resources/nothing", null));
    expect(
        document,
        "PUT /resources/{id}",
        412,
        node.put(resource, "text/turtle", turtle, "\"9-ttl\""));
    expect(
        document,
        "PUT /resources/{id}",
        415,
        node.send(admin.apply(resource, "application/pdf").PUT(text.apply("%PDF"))));
    expect(
        document,
        "PUT /resources/{id}",
        401,
        node.send(
            node.request(resource).header("Content-Type", "text/turtle").PUT(text.apply(turtle))));
    expect(
        document,
        "PUT /resources/{id}",
        403,
        node.send(
            node.request(resource)
                .header("Authorization", "Bearer wrong")
                .header("Content-Type", "text/turtle")
                .PUT(text.apply(turtle))));
    expect(document, "DELETE /resources/{id}", 204, node.delete(resource));
    expect(document, "GET /resources/{id}", 410, node.get(resource, "text/turtle"));
    expect(document, "DELETE /resources/{id}", 410, node.delete(resource));
    expect(document, "PUT /resources/{id}", 410, node.put(resource, "text/turtle", turtle, null));

    String select = "/sparql?query=" + java.net.URLEncoder.encode("SELECT * {}", UTF8);
    expect(document, "GET /sparql", 200, node.get(select, null));
    expect(document, "GET /sparql", 406, node.get(select, "image/png"));
    expect(document, "GET /sparql", 400, node.get("/sparql?query=SELECT", null));
    expect(document, "GET /sparql", 403, node.get("/sparql?update=x", null));
    expect(
        document,
        "POST /sparql",
        415,
        node.send(
            node.request("/sparql").header("Content-Type", "text/plain").POST(text.apply("x"))));
    String context = node.get(ContextRoutes.PATH, null).headers().firstValue("ETag").orElseThrow();
    expect(
        document,
        "GET " + ContextRoutes.PATH,
        304,
        node.send(node.request(ContextRoutes.PATH).header("If-None-Match", context).GET()));
  }

  private static final java.nio.charset.Charset UTF8 = java.nio.charset.StandardCharsets.UTF_8;

  private static void expect(
      JsonNode document, String operation, int status, HttpResponse<String> response) {
    String[] parts = operation.split(" ", 2);
    assertThat(response.statusCode()).as(operation + ": " + response.body()).isEqualTo(status);
    assertThat(
            document
                .path("paths")
                .path(parts[1])
                .path(parts[0].toLowerCase(Locale.ROOT))
                .path("responses")
                .has(String.valueOf(status)))
        .as(operation + " documents " + status)
        .isTrue();
  }

  // Headers that are the answer's own (its date, a fresh CSRF cookie) are left out.
  private static Map<String, List<String>> comparable(HttpResponse<String> response) {
    Map<String, List<String>> headers = new java.util.TreeMap<>(response.headers().map());
    headers.remove("date");
    headers.remove("content-length");
    headers.remove("set-cookie");
    return headers;
  }
}
