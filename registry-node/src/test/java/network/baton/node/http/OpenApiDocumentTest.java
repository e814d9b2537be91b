package network.baton.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.openapi.contract.OpenAPIVersion;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The OpenAPI document on its own: valid against the OpenAPI 3.1 schema, every reference resolving,
 * every path parameter declared, every API error a problem (an OAuth error on the wallet endpoints)
 * and every operation named once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OpenApiDocumentTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterAll
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
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
        for (String method : OpenApiOperations.METHODS) {
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
      for (String method : OpenApiOperations.METHODS) {
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
          // The wallet endpoints (OpenID4VCI, its token endpoint an OAuth 2.0 one) answer
          // refusals as RFC 6749 / RFC 6750 JSON errors, which wallets read: never a problem.
          if (operation.path("tags").toString().contains("\"openid4vci\"")) {
            assertThat(ref)
                .as(name + " " + response.getKey() + " is an OAuth error")
                .isEqualTo("#/components/responses/OAuthError");
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
