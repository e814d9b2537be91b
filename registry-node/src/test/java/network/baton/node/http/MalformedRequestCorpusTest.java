package network.baton.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import network.baton.credential.http.Problem;
import network.baton.credential.http.ProblemHandler;
import network.baton.credential.keys.KeyAlgorithm;
import network.baton.credential.keys.SigningKey;
import network.baton.node.NodeSetup;
import network.baton.node.RawHttp;
import network.baton.node.RunningNode;
import network.baton.node.config.AdminLockout;
import network.baton.node.config.NodeConfig;
import network.baton.node.credential.CredentialNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several hundred malformed requests ({@link RequestCorpus}) against a node with every extension on
 * (credentials, membership, federation, pages) and the kosen sample: none is answered 5xx (503 with
 * Retry-After, and 503 query-timeout for a runaway query, excepted), every error is problem+json
 * (an HTML page on the pages, an OAuth error on the wallet endpoints), each is answered within a
 * bound, and afterwards the node is healthy with as many resources as before.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class MalformedRequestCorpusTest {

  private static final Duration BOUND = Duration.ofSeconds(20);

  @TempDir static Path folder;

  private final Vertx vertx = Vertx.vertx();
  private final AtomicReference<Router> router = new AtomicReference<>();
  private RunningNode node;
  private RawHttp http;

  @BeforeAll
  void startNodeWithEveryExtensionAndTheSample() {
    int port = CredentialNode.freePort();
    Path data = folder.resolve("data");
    SigningKey coordinator =
        SigningKey.generate(KeyAlgorithm.ED25519, "coordinator", new SecureRandom());
    NodeConfig config =
        CredentialNode.config(data, port)
            // A runaway query in the corpus waits out this limit: short, as the corpus sends one
            // request at a time.
            .withSparql(q -> q.with(Duration.ofSeconds(1), 1_000))
            .withFederation(f -> f.withMembership(List.of(coordinator.publicKey()), Duration.ZERO))
            // The corpus sends thousands of admin requests from one address, a few with wrong
            // tokens on purpose: the lockout has its own test.
            .withAdmin(a -> a.withLockout(new AdminLockout(1_000_000, Duration.ofMinutes(1))))
            // A client that stops half-way is cut off within the bound of every case, each such
            // case waiting this long; longer than the SPARQL limit, so that a runaway query's
            // silent connection is answered 503 before it counts as idle.
            .withServer(s -> s.withIdleTimeout(Duration.ofMillis(2_500)));
    // As a public node: no loopback for outbound calls (a credential naming one is refused).
    config = config.withCredentials(config.credentials().withLoopbackHttp(false));
    CredentialNode.importKosen(folder, data, config.server().baseUrl().toString());
    NodeSetup setup =
        NodeSetup.standard(config)
            .withExtensions(List.of((mounted, context) -> router.set(mounted)));
    node = RunningNode.start(vertx, config, setup);
    http = new RawHttp(node.verticle().actualPort(), BOUND);
  }

  @AfterAll
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  @Test
  void noMalformedRequestGetsA5xxOrAnAnswerThatIsNoProblemAndTheNodeStaysWhole() throws Exception {
    long before = resourceCount();
    JsonNode openApi = new ObjectMapper().readTree(node.get("/openapi.json", null).body());
    List<RequestCorpus.Case> cases = corpus().generate(openApi, MountedOperations.of(router.get()));

    List<String> failures = new ArrayList<>();
    Map<Integer, Integer> statuses = new java.util.TreeMap<>();
    int sent = 0;
    for (RequestCorpus.Case c : cases) {
      long start = System.nanoTime();
      RawHttp.Answer answer = http.send(c.request());
      long ms = (System.nanoTime() - start) / 1_000_000;
      sent++;
      statuses.merge(answer.status(), 1, Integer::sum);
      String problem = judge(c, answer);
      if (problem != null) {
        failures.add(c.name() + " -> " + problem + " [" + ms + " ms]");
      }
    }

    System.out.printf("malformed-request corpus: %d sent, statuses %s%n", sent, statuses);
    assertThat(sent).as("cases sent").isGreaterThan(500);
    assertThat(failures).as("cases answered wrongly").isEmpty();
    HttpResponseCheck health = health();
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.body().getString("status")).isEqualTo("UP");
    assertThat(resourceCount()).as("resources after the corpus").isEqualTo(before);
  }

  @Test
  void everyMountedRouteHasCases() throws Exception {
    JsonNode openApi = new ObjectMapper().readTree(node.get("/openapi.json", null).body());
    List<RequestCorpus.Case> cases = corpus().generate(openApi, MountedOperations.of(router.get()));
    Set<String> uncovered = new TreeSet<>();
    for (String operation : MountedOperations.of(router.get())) {
      String[] parts = operation.split(" ", 2);
      String prefix = parts[1].replaceAll("\\{[^}]+}.*|\\*$", "");
      boolean covered =
          cases.stream()
              .anyMatch(
                  c ->
                      new String(c.request(), StandardCharsets.ISO_8859_1)
                          .startsWith((parts[0].equals("ANY") ? "" : parts[0]) + " " + prefix));
      if (!covered) {
        uncovered.add(operation);
      }
    }

    assertThat(uncovered).isEmpty();
    assertThat(cases).hasSizeGreaterThan(500);
  }

  // Null when the answer is right for the case, else what is wrong with it.
  private static boolean isReportOfUnverified(RequestCorpus.Case c, RawHttp.Answer answer) {
    String line =
        new String(c.request(), 0, Math.min(c.request().length, 40), StandardCharsets.US_ASCII);
    if (!line.startsWith("POST /credentials/verify ")) return false;
    try {
      JsonObject report = new JsonObject(answer.text());
      return Boolean.FALSE.equals(report.getBoolean("verified"))
          && !report.getJsonArray("errors").isEmpty();
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static String judge(RequestCorpus.Case c, RawHttp.Answer answer) {
    if (answer.timedOut()) {
      return "no answer within " + BOUND.toSeconds() + " s";
    }
    int status = answer.status();
    if (status == 0) {
      return c.mayClose() ? null : "closed without an answer";
    }
    if (status >= 500) {
      boolean busy = status == 503 && answer.header("Retry-After") != null;
      // A runaway query is cancelled at the node's limit: 503 query-timeout, as Fuseki answers it.
      boolean timedOut =
          status == 503 && answer.text().contains(Problem.TYPE_PREFIX + "query-timeout");
      boolean vertx = status == 501 && c.unsupportedVersion();
      return busy || timedOut || vertx
          ? null
          : "status " + status + ": " + abbreviate(answer.text());
    }
    if (status < 400 || c.request()[0] == 'H') {
      return null; // answered, or a HEAD answer that has no body to judge
    }
    String type = answer.header("Content-Type");
    type = type == null ? "" : type.toLowerCase(Locale.ROOT);
    if (type.startsWith("text/html")) {
      return c.page() || isPageRequest(c)
          ? (answer.text().contains("<html") ? null : "an empty page")
          : "an HTML error where a problem was due";
    }
    if (status == 400 && type.startsWith("application/json") && isReportOfUnverified(c, answer)) {
      return null; // the VC API verifier's 400 for a credential that does not verify: its report
    }
    if (isWalletEndpoint(c) && type.startsWith("application/json")) {
      return isOAuthError(answer, status)
          ? null
          : "not an OAuth error: " + abbreviate(answer.text());
    }
    if (!type.startsWith(ProblemHandler.PROBLEM_JSON)) {
      return "status " + status + " with Content-Type '" + type + "': " + abbreviate(answer.text());
    }
    try {
      JsonObject problem = new JsonObject(answer.text());
      if (problem.getInteger("status", -1) != status) {
        return "problem status " + problem.getValue("status") + " for a " + status;
      }
      String detail = problem.getString("detail", "");
      if (detail.isBlank()) {
        return "a problem without a detail";
      }
      if (c.page() && !refusedBeforeThePage(c, status, problem.getString("type", ""))) {
        return "a problem where the page was due: " + abbreviate(answer.text());
      }
      return null;
    } catch (RuntimeException e) {
      return "a problem body that is not JSON: " + abbreviate(answer.text());
    }
  }

  // The wallet endpoints answer refusals as OAuth 2.0 errors (RFC 6749 5.2, RFC 6750 3), not
  // problems.
  private static boolean isWalletEndpoint(RequestCorpus.Case c) {
    String line =
        new String(c.request(), 0, Math.min(c.request().length, 40), StandardCharsets.US_ASCII);
    return line.startsWith("POST /openid4vci/");
  }

  private static boolean isOAuthError(RawHttp.Answer answer, int status) {
    try {
      String error = new JsonObject(answer.text()).getString("error", "");
      return !error.isBlank()
          && "no-store".equals(answer.header("Cache-Control"))
          && (status != 401 || answer.header("WWW-Authenticate") != null);
    } catch (RuntimeException e) {
      return false;
    }
  }

  // Refused before routing reaches a page, where only node-wide handlers answer: a request Vert.x
  // cannot decode at all, or a target it cannot decode while it matches routes with parameters.
  private static boolean refusedBeforeThePage(RequestCorpus.Case c, int status, String type) {
    if (type.endsWith("#malformed-request")
        || type.endsWith("#uri-too-long")
        || type.endsWith("#headers-too-large")) {
      return true;
    }
    String line = new String(c.request(), StandardCharsets.ISO_8859_1).split("\r\n", 2)[0];
    return status == 400 && RequestTargetCheck.badEscape(line) >= 0;
  }

  // A page asked for by Accept (the resource page) answers its errors as pages too.
  private static boolean isPageRequest(RequestCorpus.Case c) {
    String head = new String(c.request(), StandardCharsets.ISO_8859_1);
    return head.contains("Accept: text/html") || head.startsWith("GET /resources/");
  }

  private RequestCorpus corpus() {
    Map<String, String> segments = new LinkedHashMap<>();
    segments.put("id", "kosen-mc4-ec");
    segments.put("notation", "ECH");
    segments.put("list", "1");
    Map<String, byte[]> bodies = new LinkedHashMap<>();
    bodies.put("text/turtle", fixture("course.ttl"));
    bodies.put("application/ld+json", fixture("course.jsonld"));
    bodies.put("application/json", fixture("course.jsonld"));
    bodies.put("application/trig", fixture("batch.trig"));
    bodies.put("application/n-quads", fixture("batch.trig"));
    bodies.put("application/sparql-query", utf8("SELECT * WHERE { ?s ?p ?o } LIMIT 3"));
    bodies.put(
        "application/x-www-form-urlencoded",
        utf8("query=SELECT%20*%20WHERE%20%7B%20%3Fs%20%3Fp%20%3Fo%20%7D&credential=x"));
    bodies.put("application/baton-membership+jwt", utf8("eyJhbGciOiJFZERTQSJ9.e30.c2ln"));
    String host = "localhost:" + node.verticle().actualPort();
    return new RequestCorpus(host, RunningNode.TOKEN, segments, bodies);
  }

  private record HttpResponseCheck(int status, JsonObject body) {}

  private HttpResponseCheck health() {
    var response = node.get("/health", "application/json");
    return new HttpResponseCheck(response.statusCode(), new JsonObject(response.body()));
  }

  private long resourceCount() {
    return new JsonObject(node.get("/resources?limit=1", "application/json").body())
        .getLong("total");
  }

  private static byte[] fixture(String name) {
    return utf8(RunningNode.fixture(name));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String abbreviate(String text) {
    String line = text.replaceAll("\\s+", " ");
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }
}
