package network.baton.node.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import network.baton.node.TestClock;
import network.baton.vocab.ContextLoader;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resource routes on a bare router ({@link ResourceRouter}) with the real service over TDB2 in
 * a temp folder, and the helpers that read their answers. One router and store serve a class's
 * tests (opening and deleting TDB2 was most of each test's time); the store is emptied before each
 * test, and stamps changes with that test's own {@link #clock}.
 */
@Timeout(60)
abstract class ResourceRouterFixture {

  static final String TURTLE = "text/turtle";
  static final String COURSE = "/resources/kosen-ec101";
  static final String IRI = "http://node.test/resources/kosen-ec101";

  static Vertx vertx;
  static ResourceRouter node;
  private static final TestClocks clocks = new TestClocks();

  @TempDir static Path dataDir;
  final TestClock clock = TestClock.atSystemTime();

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    node = ResourceRouter.start(vertx, dataDir, clocks, 64 * 1024);
  }

  @AfterAll
  static void stop() throws Exception {
    node.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @BeforeEach
  void emptyStoreAndThisTestsClock() {
    node.clear();
    clocks.current = clock;
  }

  /** The shared store's clock: the running test's. */
  private static final class TestClocks extends Clock {
    volatile Clock current = Clock.systemUTC();

    @Override
    public Instant instant() {
      return current.instant();
    }

    @Override
    public ZoneId getZone() {
      return current.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return current.withZone(zone);
    }
  }

  static org.assertj.core.api.AbstractStringAssert<?> assertProblem(
      HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonObject problem = new JsonObject(response.body());
    assertThat(problem.getInteger("status")).isEqualTo(status);
    assertThat(problem.getString("title")).isNotBlank();
    assertThat(problem.getString("type")).isNotBlank();
    return assertThat(problem.getString("detail"));
  }

  static Graph parse(String text, Lang lang) {
    if (lang.equals(Lang.JSONLD)) {
      return ContextLoader.bundled().parseJsonLd(text, null);
    }
    Graph graph = GraphFactory.createDefaultGraph();
    RDFParser.create().source(new StringReader(text)).lang(lang).parse(graph);
    return graph;
  }

  static Node uri(String iri) {
    return NodeFactory.createURI(iri);
  }
}
