package network.baton.node.http;

import static network.baton.node.RunningNode.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import network.baton.node.MetricsVertx;
import network.baton.node.RunningNode;
import network.baton.node.auth.AdminTokens;
import network.baton.node.config.Identity;
import network.baton.node.config.NodeConfig;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class NodeDescriptorAndHealthTest {

  @TempDir Path dataDir;
  private Vertx vertx;
  private RunningNode node;

  @AfterEach
  void stop() {
    if (node != null) {
      node.close();
    }
    if (vertx != null) {
      vertx.close().toCompletionStage().toCompletableFuture().join();
    }
  }

  @Test
  void descriptorNamesTheNodeItsEndpointsAndSkillCountsAsJsonLd() {
    startPlain();
    node.post("/resources", "text/turtle", fixture("course.ttl"));
    node.post("/resources", "text/turtle", fixture("unnamed-subject.ttl"));

    HttpResponse<String> response = node.get(NodeDescriptorRoutes.PATH, null);

    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/ld+json");
    JsonObject descriptor = new JsonObject(response.body());
    assertThat(descriptor.getString("name")).isEqualTo("Test node");
    assertThat(descriptor.getString("institution")).isEqualTo("Test Kosen");
    assertThat(descriptor.getLong("resourceCount")).isEqualTo(2);
    assertThat(descriptor.getJsonObject("endpoints").getString("sparql"))
        .isEqualTo("http://node.test/sparql");
    assertThat(
            descriptor.getJsonArray("skills").stream()
                .map(o -> (JsonObject) o)
                .map(
                    o ->
                        o.getString("skill").replace("https://w3id.org/baton/skill/", "")
                            + "="
                            + o.getLong("count")))
        .as("the course counts once for ECH although it teaches two of its skills")
        .contains("ECH=1", "ECH-KIN=1", "ECH-THERMO=1", "MFG-COAT=1", "MFG=1");
    Graph graph = GraphFactory.createDefaultGraph();
    RDFParser.create().source(new StringReader(response.body())).lang(Lang.JSONLD).parse(graph);
    assertThat(
            graph.contains(
                NodeFactory.createURI("http://node.test"),
                NodeFactory.createURI("http://rdfs.org/ns/void#sparqlEndpoint"),
                NodeFactory.createURI("http://node.test/sparql")))
        .as("the descriptor is real JSON-LD")
        .isTrue();
    assertThat(
            graph
                .find(Node.ANY, NodeFactory.createURI("http://rdfs.org/ns/void#entities"), Node.ANY)
                .hasNext())
        .isTrue();
    assertThat(
            graph
                .find(
                    Node.ANY,
                    NodeFactory.createURI("https://w3id.org/baton/ns#skill"),
                    NodeFactory.createURI("https://w3id.org/baton/skill/ECH"))
                .hasNext())
        .isTrue();
  }

  @Test
  void nodeThatCannotListenFailsToStartAndReleasesItsStore() throws Exception {
    vertx = Vertx.vertx();
    try (java.net.ServerSocket taken =
        new java.net.ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
      NodeConfig busy = config().withPort(taken.getLocalPort());
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> RunningNode.start(vertx, busy, RunningNode.testSetup()))
          .hasMessageContaining("in use");
    }
    node = RunningNode.start(vertx, config(), RunningNode.testSetup());
    assertThat(node.get("/health", null).statusCode()).as("the store opens again").isEqualTo(200);
  }

  @Test
  void healthReportsUpWithTheResourceCount() {
    startPlain();
    node.post("/resources", "text/turtle", fixture("course.ttl"));

    JsonObject health = new JsonObject(node.get("/health", null).body());

    assertThat(health.getString("status")).isEqualTo("UP");
    assertThat(health.getLong("resources")).isEqualTo(1);
  }

  @Test
  void metricsArePrometheusTextWithHttpServerCounters() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    vertx = MetricsVertx.create(registry);
    node = RunningNode.start(vertx, config(), RunningNode.testSetup().withMetrics(registry));
    node.get("/health", null);

    HttpResponse<String> metrics = node.get("/metrics", null);

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
    assertThat(metrics.body()).contains("vertx_http_server_requests_total");
  }

  private void startPlain() {
    vertx = Vertx.vertx();
    node = RunningNode.start(vertx, config(), RunningNode.testSetup());
  }

  private NodeConfig config() {
    return NodeConfig.defaults(dataDir, URI.create("http://node.test"))
        .withServer(s -> s.withPort(0).withHost("127.0.0.1"))
        .withIdentity(new Identity("Test node", "Test Kosen", null, List.of("ja", "en")))
        .withAdmin(a -> a.withTokenHashes(List.of(AdminTokens.hash(RunningNode.TOKEN))));
  }
}
