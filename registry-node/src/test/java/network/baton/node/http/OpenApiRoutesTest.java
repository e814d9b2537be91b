package network.baton.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.openapi.contract.OpenAPIVersion;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import network.baton.credential.keys.KeyAlgorithm;
import network.baton.credential.keys.SigningKey;
import network.baton.node.NodeSetup;
import network.baton.node.RunningNode;
import network.baton.node.auth.AdminTokens;
import network.baton.node.config.CredentialSettings;
import network.baton.node.config.NodeConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document and the routes stay in step: a standard node with every extension on
 * (credentials, membership, federation) is started, its router's routes are walked, and each route
 * must be documented and each documented operation mounted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OpenApiRoutesTest {

  /** Routes that are not API operations and so are not in the document. */
  private static final Set<String> NOT_DOCUMENTED =
      Set.of(
          // the web pages' static files (CSS, scripts, images)
          "GET /assets/*");

  private static final Set<String> METHODS =
      Set.of("get", "head", "put", "post", "delete", "patch");

  @TempDir static Path folder;

  private final Vertx vertx = Vertx.vertx();
  private final AtomicReference<Router> router = new AtomicReference<>();
  private final ObjectMapper json = new ObjectMapper();
  private RunningNode node;

  @BeforeAll
  void startNodeWithEveryExtension() {
    SigningKey coordinator =
        SigningKey.generate(KeyAlgorithm.ED25519, "coordinator", new SecureRandom());
    NodeConfig config =
        NodeConfig.defaults(folder.resolve("data"), URI.create("http://localhost:8081"))
            .withPort(0)
            .withAdmin(a -> a.withTokenHashes(List.of(AdminTokens.hash(RunningNode.TOKEN))))
            .withCredentials(
                CredentialSettings.defaults()
                    .withKeyPassphrase("open api test passphrase")
                    .withLoopbackHttp(true))
            .withFederation(
                f -> f.withMembership(List.of(coordinator.publicKey()), java.time.Duration.ZERO));
    NodeSetup setup =
        NodeSetup.standard(config)
            .withExtensions(List.of((mounted, context) -> router.set(mounted)));
    node = RunningNode.start(vertx, config, setup);
  }

  @AfterAll
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void everyMountedRouteIsDocumented() {
    Set<String> documented = withImpliedHead(documentedOperations(OpenApiRoutes.document()));
    Set<String> undocumented = new TreeSet<>(MountedOperations.of(router.get()));
    undocumented.removeAll(documented);
    undocumented.removeAll(withImpliedHead(NOT_DOCUMENTED));

    assertThat(undocumented).as("routes missing from openapi.yaml").isEmpty();
  }

  @Test
  void everyDocumentedOperationIsMounted() {
    Set<String> missing = new TreeSet<>(documentedOperations(OpenApiRoutes.document()));
    missing.removeAll(MountedOperations.of(router.get()));

    assertThat(missing).as("documented but not mounted").isEmpty();
  }

  @Test
  void theNodeServesTheDocumentAsJsonWithItselfAsServer() throws Exception {
    HttpResponse<String> response = node.get("/openapi.json", "application/json");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode document = json.readTree(response.body());
    assertThat(document.path("openapi").asText()).isEqualTo("3.1.0");
    assertThat(document.path("servers").get(0).path("url").asText())
        .isEqualTo("http://localhost:8081");
    assertThat(document.path("paths").has("/federation/search")).isTrue();
  }

  @Test
  void aDefaultJdkClientGetsEveryLargeAnswerWholeOverHttp11() throws Exception {
    // The JDK client asks plain-HTTP servers to upgrade to h2c; with the upgrade on, about one in
    // six fresh connections got this document back garbled as HTTP/2 frames.
    for (int i = 0; i < 60; i++) {
      java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
      HttpResponse<String> response =
          client.send(
              java.net.http.HttpRequest.newBuilder(URI.create(node.url() + "/openapi.json"))
                  .header("Accept", "application/json")
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(response.version()).isEqualTo(java.net.http.HttpClient.Version.HTTP_1_1);
      assertThat(json.readTree(response.body()).path("openapi").asText()).isEqualTo("3.1.0");
    }
  }

  @Test
  void theDocumentIsValidAgainstTheOpenApi31Schema() throws Exception {
    // Vert.x OpenAPI's copy of the official OpenAPI 3.1 schema judges the document.
    // (OpenAPIContract itself is not used: it refuses media types its request
    // validation does not handle, such as application/ld+json, which is no fault of the document.)
    JsonObject document = new JsonObject(OpenApiRoutes.document().toString());
    OpenAPIVersion version = OpenAPIVersion.fromContract(document);
    SchemaRepository schemas = await(version.getRepository(vertx, "app://"));

    OutputUnit result = await(version.validateContract(vertx, schemas, document));

    assertThat(version).isEqualTo(OpenAPIVersion.V3_1);
    assertThat(result.getValid()).as(String.valueOf(result.getErrors())).isTrue();
  }

  @Test
  void theSchemaCheckRefusesABrokenDocument() throws Exception {
    // The same check on the document without its info object and with a path not starting with
    // a slash: proof that the check above can fail.
    JsonObject broken = new JsonObject(OpenApiRoutes.document().toString());
    broken.remove("info");
    broken.getJsonObject("paths").put("health", new JsonObject());
    OpenAPIVersion version = OpenAPIVersion.fromContract(broken);
    SchemaRepository schemas = await(version.getRepository(vertx, "app://"));

    OutputUnit result = await(version.validateContract(vertx, schemas, broken));

    assertThat(result.getValid()).isFalse();
  }

  private static <T> T await(io.vertx.core.Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void everyReferenceResolvesAndEveryPathParameterIsDeclared() {
    JsonNode document = OpenApiRoutes.document();
    List<String> refs = new ArrayList<>();
    collectRefs(document, refs);
    assertThat(refs).isNotEmpty();
    for (String ref : refs) {
      assertThat(ref).as("local reference").startsWith("#/");
      assertThat(document.at(ref.substring(1)).isMissingNode()).as(ref + " resolves").isFalse();
    }
    for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      Matcher template = Pattern.compile("\\{([^}]+)}").matcher(path.getKey());
      while (template.find()) {
        String name = template.group(1);
        for (String method : METHODS) {
          JsonNode operation = path.getValue().path(method);
          if (operation.isMissingNode()) continue;
          assertThat(
                  declaresPathParameter(path.getValue(), name)
                      || declaresPathParameter(operation, name))
              .as(method + " " + path.getKey() + " declares {" + name + "}")
              .isTrue();
        }
      }
    }
  }

  @Test
  void everyApiErrorIsAProblemAndEveryOperationHasAnId() {
    JsonNode document = OpenApiRoutes.document();
    Set<String> ids = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (String method : METHODS) {
        JsonNode operation = path.getValue().path(method);
        if (operation.isMissingNode()) continue;
        String name = method.toUpperCase(Locale.ROOT) + " " + path.getKey();
        assertThat(ids.add(operation.path("operationId").asText()))
            .as(name + " has a unique operationId")
            .isTrue();
        boolean page = operation.path("tags").toString().contains("\"pages\"");
        for (Iterator<Map.Entry<String, JsonNode>> responses = operation.path("responses").fields();
            responses.hasNext(); ) {
          Map.Entry<String, JsonNode> response = responses.next();
          if (page || !response.getKey().matches("[45]\\d\\d")) continue;
          String ref = response.getValue().path("$ref").asText();
          // The VC API verifier answers a credential that does not verify 400 with its report:
          // that one response may be the report, or else a problem.
          if (name.equals("POST /credentials/verify") && response.getKey().equals("400")) {
            assertThat(ref).isEqualTo("#/components/responses/ReportOrProblem");
            assertThat(
                    document
                        .at("/components/responses/ReportOrProblem/content")
                        .has("application/problem+json"))
                .isTrue();
            continue;
          }
          assertThat(ref)
              .as(name + " " + response.getKey() + " is problem+json")
              .isEqualTo("#/components/responses/Problem");
        }
      }
    }
    assertThat(document.at("/components/responses/Problem/content").has("application/problem+json"))
        .isTrue();
  }

  @Test
  void everyRouteAnsweringGetAnswersHead() {
    Set<String> mounted = MountedOperations.of(router.get());
    for (String operation : mounted) {
      if (operation.startsWith("GET ")) {
        assertThat(mounted).contains("HEAD " + operation.substring(4));
      }
    }
  }

  @Test
  void headAnswersEveryDocumentedGetWithItsStatusAndHeadersAndNoBody() {
    for (String operation : documentedOperations(OpenApiRoutes.document())) {
      if (!operation.startsWith("GET ")) continue;
      String path = samplePath(operation.substring(4));
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
    for (String operation : withImpliedHead(documentedOperations(OpenApiRoutes.document()))) {
      String[] parts = operation.split(" ", 2);
      byPath.computeIfAbsent(parts[1], p -> new TreeSet<>()).add(parts[0]);
    }
    for (Map.Entry<String, Set<String>> path : byPath.entrySet()) {
      String sample = samplePath(path.getKey());
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

  /** Every documented GET also answers HEAD (RFC 9110 9.3.2), which the document says once. */
  private static Set<String> withImpliedHead(Set<String> documented) {
    Set<String> operations = new TreeSet<>(documented);
    for (String operation : documented) {
      if (operation.startsWith("GET ")) operations.add("HEAD " + operation.substring(4));
    }
    return operations;
  }

  private static String samplePath(String template) {
    return template.replaceAll("\\{[^}]+}", "x");
  }

  // Headers that are the answer's own (its date, a fresh CSRF cookie) are left out.
  private static Map<String, List<String>> comparable(HttpResponse<String> response) {
    Map<String, List<String>> headers = new java.util.TreeMap<>(response.headers().map());
    headers.remove("date");
    headers.remove("content-length");
    headers.remove("set-cookie");
    return headers;
  }

  private static Set<String> documentedOperations(JsonNode document) {
    Set<String> operations = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (String method : METHODS) {
        if (path.getValue().has(method)) {
          operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
        }
      }
    }
    return operations;
  }

  private static boolean declaresPathParameter(JsonNode owner, String name) {
    for (JsonNode parameter : owner.path("parameters")) {
      if (parameter.path("in").asText().equals("path")
          && parameter.path("name").asText().equals(name)) {
        return true;
      }
    }
    return false;
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              field -> {
                if (field.getKey().equals("$ref")) refs.add(field.getValue().asText());
                else collectRefs(field.getValue(), refs);
              });
    } else if (node.isArray()) {
      node.forEach(child -> collectRefs(child, refs));
    }
  }
}
