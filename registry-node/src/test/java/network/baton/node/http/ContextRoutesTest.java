package network.baton.node.http;

import static network.baton.node.RunningNode.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.http.media.MediaType;
import com.apicatalog.jsonld.loader.DocumentLoader;
import io.vertx.core.Vertx;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import network.baton.node.NodePerTest;
import network.baton.vocab.ContextLoader;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.JenaTitanium;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every node serves the BATON context and its JSON-LD answers link to that copy, so a JSON-LD
 * processor whose only document source is the node (nothing else reachable) reads them.
 */
@Timeout(60)
class ContextRoutesTest extends NodePerTest {

  private static final String COURSE = "/resources/kosen-ec101";
  private static final Pattern ALTERNATE =
      Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"alternate\"[^,]*anchor=\"([^\"]+)\"");

  @BeforeEach
  void startNode(Vertx vertx) {
    start(vertx);
    node.post("/resources", "text/turtle", fixture("course.ttl"));
  }

  @Test
  void theNodeServesTheBundledContextAsCacheableJsonLd() throws Exception {
    HttpResponse<String> context = node.get(ContextRoutes.PATH, null);

    assertThat(context.statusCode()).isEqualTo(200);
    assertThat(context.headers().firstValue("Content-Type")).hasValue("application/ld+json");
    assertThat(context.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age");
    assertThat(context.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    assertThat(ContextLoader.bundled().readJsonObject(context.body()))
        .isEqualTo(
            ContextLoader.bundled()
                .loadDocument(URI.create(ContextLoader.BATON_CONTEXT), null)
                .getJsonContent()
                .orElseThrow());
    String etag = context.headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> again =
        node.send(node.request(ContextRoutes.PATH).header("If-None-Match", etag).GET());
    assertThat(again.statusCode()).isEqualTo(304);
  }

  @Test
  void aProcessorWithOnlyTheNodeAsDocumentSourceExpandsAResourceAnswer() throws Exception {
    HttpResponse<String> answer = node.get(COURSE, "application/ld+json");
    assertThat(answer.body()).contains("\"@context\": \"" + ContextLoader.BATON_CONTEXT + "\"");
    Map<String, String> alternates = new ConcurrentHashMap<>();
    for (String link : answer.headers().allValues("Link")) {
      Matcher m = ALTERNATE.matcher(link);
      while (m.find()) {
        alternates.put(m.group(2), URI.create(node.url()).resolve(m.group(1)).toString());
      }
    }
    assertThat(alternates).containsKey(ContextLoader.BATON_CONTEXT);
    List<String> fetched = new ArrayList<>();
    DocumentLoader nodeOnly =
        (url, options) -> {
          String target = alternates.getOrDefault(url.toString(), url.toString());
          if (!target.startsWith(node.url() + "/")) {
            throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "offline: " + url);
          }
          fetched.add(target);
          String path = target.substring(node.url().length());
          Document document =
              JsonDocument.of(
                  MediaType.JSON_LD,
                  new StringReader(node.get(path, "application/ld+json").body()));
          document.setDocumentUrl(url);
          return document;
        };

    Graph read =
        JenaTitanium.convert(
                JsonLd.toRdf(JsonDocument.of(new StringReader(answer.body())))
                    .loader(nodeOnly)
                    .get())
            .getDefaultGraph();

    assertThat(fetched).containsExactly(node.url() + ContextRoutes.PATH);
    Graph turtle = GraphFactory.createDefaultGraph();
    RDFParser.fromString(node.get(COURSE, "text/turtle").body(), Lang.TURTLE)
        .base(node.url())
        .parse(turtle);
    assertThat(read.size()).isGreaterThan(5);
    assertThat(read.isIsomorphicWith(turtle)).as("JSON-LD read offline = the Turtle").isTrue();
  }
}
