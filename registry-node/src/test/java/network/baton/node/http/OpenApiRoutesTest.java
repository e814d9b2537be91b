package network.baton.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document and the routes stay in step: each route of a node with every extension on
 * must be documented and each documented operation mounted, and the node serves the document.
 */
class OpenApiRoutesTest extends EveryExtensionNode {

  /** Routes that are not API operations and so are not in the document. */
  private static final Set<String> NOT_DOCUMENTED =
      Set.of(
          // the web pages' static files (CSS, scripts, images)
          "GET /assets/*");

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void everyMountedRouteIsDocumented() {
    Set<String> documented =
        OpenApiOperations.withImpliedHead(OpenApiOperations.documented(OpenApiRoutes.document()));
    Set<String> undocumented = new TreeSet<>(MountedOperations.of(router));
    undocumented.removeAll(documented);
    undocumented.removeAll(OpenApiOperations.withImpliedHead(NOT_DOCUMENTED));

    assertThat(undocumented).as("routes missing from openapi.yaml").isEmpty();
  }

  @Test
  void everyDocumentedOperationIsMounted() {
    Set<String> missing = new TreeSet<>(OpenApiOperations.documented(OpenApiRoutes.document()));
    missing.removeAll(MountedOperations.of(router));

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
  void everyRouteAnsweringGetAnswersHead() {
    Set<String> mounted = MountedOperations.of(router);
    for (String operation : mounted) {
      if (operation.startsWith("GET ")) {
        assertThat(mounted).contains("HEAD " + operation.substring(4));
      }
    }
  }
}
