package network.baton.node;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import network.baton.node.auth.AdminTokens;
import network.baton.node.config.NodeConfig;
import network.baton.node.importer.ImportSummary;
import network.baton.node.importer.SampleImport;
import network.baton.vocab.SampleContent.Institution;

/** A real node on a loopback port over TDB2 in a temp folder, with a blocking HTTP client. */
public final class RunningNode implements AutoCloseable {

  /** The admin token every test node accepts. */
  public static final String TOKEN = "test-admin-token-0123456789abcdefghijklmnopqrstuv";

  private final Vertx vertx;
  private final NodeVerticle verticle;
  private final String deploymentId;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private RunningNode(Vertx vertx, NodeVerticle verticle, String deploymentId) {
    this.vertx = vertx;
    this.verticle = verticle;
    this.deploymentId = deploymentId;
  }

  /** Starts a node with the test shapes and defaults. */
  public static RunningNode start(Vertx vertx, Path dataDir) {
    return start(vertx, dataDir, UnaryOperator.identity());
  }

  /** Starts a node whose config is adjusted by tweak. */
  public static RunningNode start(Vertx vertx, Path dataDir, UnaryOperator<NodeConfig> tweak) {
    return start(vertx, dataDir, tweak, Clock.systemUTC());
  }

  /** Starts a node whose config is adjusted by tweak and which reads this clock. */
  public static RunningNode start(
      Vertx vertx, Path dataDir, UnaryOperator<NodeConfig> tweak, Clock clock) {
    NodeConfig config =
        tweak.apply(
            NodeConfig.defaults(dataDir, URI.create("http://node.test"))
                .withPort(0)
                .withAdmin(a -> a.withTokenHashes(List.of(AdminTokens.hash(TOKEN)))));
    return start(vertx, config, testSetup().withClock(clock));
  }

  /** Starts a node with an explicit config and setup. */
  public static RunningNode start(Vertx vertx, NodeConfig config, NodeSetup setup) {
    NodeVerticle verticle = new NodeVerticle(config, setup);
    String id = await(vertx.deployVerticle(verticle));
    return new RunningNode(vertx, verticle, id);
  }

  /** The production setup (vocabulary shapes, bundled contexts, text-indexed TDB2). */
  public static NodeSetup testSetup() {
    return NodeSetup.standard();
  }

  /** The running verticle. */
  public NodeVerticle verticle() {
    return verticle;
  }

  /** The node's local URL, e.g. http://localhost:41234. */
  public String url() {
    return "http://localhost:" + verticle.actualPort();
  }

  /** Sends a request and returns the answer as text. */
  public HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(
          request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A request builder for a path on this node. */
  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(url() + path));
  }

  /** GET with an Accept header (null: none). */
  public HttpResponse<String> get(String path, String accept) {
    HttpRequest.Builder request = request(path).GET();
    if (accept != null) {
      request.header("Accept", accept);
    }
    return send(request);
  }

  /** POST a body as the admin. */
  public HttpResponse<String> post(String path, String contentType, String body) {
    return send(
        request(path)
            .header("Content-Type", contentType)
            .header("Authorization", "Bearer " + TOKEN)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  /** POST a form as a browser sends it (no admin token). */
  public HttpResponse<String> postForm(String path, String form) {
    return send(
        request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  /** PUT a body as the admin, with an If-Match header unless null. */
  public HttpResponse<String> put(String path, String contentType, String body, String ifMatch) {
    HttpRequest.Builder request =
        request(path)
            .header("Content-Type", contentType)
            .header("Authorization", "Bearer " + TOKEN)
            .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return send(request);
  }

  /** DELETE as the admin. */
  public HttpResponse<String> delete(String path) {
    return send(request(path).header("Authorization", "Bearer " + TOKEN).DELETE());
  }

  /** GET /sparql with the query, with an Accept header (null: none). */
  public HttpResponse<String> sparql(String query, String accept) {
    return get("/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8), accept);
  }

  /** POST the course fixture (kosen-ec101, code EC101) as the resource id with this code. */
  public HttpResponse<String> postCourse(String id, String code) {
    String turtle = fixture("course.ttl").replace("kosen-ec101", id).replace("EC101", code);
    return post("/resources", "text/turtle", turtle);
  }

  /** Publishes the kosen sample into the node's store, as {@code baton node --sample} would. */
  public ImportSummary publishKosenSample() {
    return SampleImport.publish(
        verticle.store(),
        testSetup().validator(),
        URI.create("http://node.test"),
        Institution.KOSEN,
        new PrintWriter(new StringWriter()));
  }

  /** A fixture file's text. */
  public static String fixture(String name) {
    try (var in = RunningNode.class.getClassLoader().getResourceAsStream("fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Undeploys the node (closing its store). */
  @Override
  public void close() {
    await(vertx.undeploy(deploymentId));
  }

  static <T> T await(io.vertx.core.Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e.getCause() != null ? e.getCause() : e);
    }
  }

  static boolean exists(Path path) {
    return Files.exists(path);
  }
}
