package network.baton.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import network.baton.node.NodeSetup;
import network.baton.node.importer.SampleImport;
import network.baton.vocab.SampleContent.Institution;

/**
 * Honest clients through an attack: a paced, mixed read load (search, resources, health, the node
 * descriptor) from many clients, measured alone, then while a few attackers send runaway SPARQL
 * queries (catastrophic regular expressions in a FILTER over a cross product, cross products to
 * count, strings doubled thirty times), each attacker giving up after 2 s as an impatient client
 * would, then alone again. Reports GET /search p50/p99 under attack against the quieter phase
 * without it, in the same run, and every error an honest client saw. Target (issue 11): p99 under
 * attack within 3x of p99 without, no errors.
 */
public final class AbuseBench {

  private static final double TARGET_RATIO = 3.0;
  private static final Duration ATTACKER_PATIENCE = Duration.ofSeconds(2);
  private static final Duration HONEST_TIMEOUT = Duration.ofSeconds(30);

  /** The runaway queries attackers rotate through. */
  static final List<String> RUNAWAY =
      List.of(
          "SELECT * { ?s ?p ?o . ?a ?b ?c FILTER regex(concat(str(?o),str(?c)), \".*.*.*.*x\") }",
          "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
          doublingConcat(30),
          "SELECT ?o (COUNT(*) AS ?n) { ?s ?p ?o . ?a ?b ?c } GROUP BY ?o ORDER BY DESC(?n)");

  private static final List<String> SEARCHES =
      List.of(
          "q=" + enc("電池"),
          "q=" + enc("蓄電池"),
          "q=" + enc("安全"),
          "q=" + enc("リサイクル"),
          "q=battery",
          "q=" + enc("electrode coating"),
          "q=safety",
          "q=battery&skill=skill:MFG",
          "q=" + enc("電池") + "&lang=ja",
          "q=battery&type=Course");

  /** How the benchmark runs. */
  public record Settings(
      int honestClients, int attackers, int ratePerClient, Duration warmup, Duration measure) {
    public Settings {
      if (honestClients < 1 || attackers < 1 || ratePerClient < 1) {
        throw new IllegalArgumentException("--clients, --attackers and --rate must be at least 1");
      }
      if (warmup.isNegative() || measure.isNegative() || measure.isZero()) {
        throw new IllegalArgumentException("--warmup must be >= 0 and --measure > 0 seconds");
      }
    }
  }

  private final PrintWriter progress;

  /** A benchmark telling progress to progress. */
  public AbuseBench(PrintWriter progress) {
    this.progress = progress;
  }

  /**
   * Runs the load alone, then under attack, against the node; one result with both. The kosen
   * sample is published first, so the node has resources to read by id besides the generated ones
   * search finds.
   */
  public BenchResult run(BenchNode node, int resources, Settings settings) {
    URI base = node.url();
    SampleImport.publish(
        node.store(),
        NodeSetup.bare().validator(),
        URI.create(BenchNode.BASE_URL),
        Institution.KOSEN,
        new PrintWriter(java.io.Writer.nullWriter()));
    List<String> ids = resourceIds(base);
    say(
        "abuse: %d honest clients at %d requests/s each, %d attackers, %d s per phase",
        settings.honestClients(),
        settings.ratePerClient(),
        settings.attackers(),
        settings.measure().toSeconds());
    double loadAtStart = load();
    Phase before = phase(base, ids, settings, false);
    say("abuse: without attack /search p50/p99 %.1f / %.1f ms", before.p(50), before.p(99));
    Phase attacked = phase(base, ids, settings, true);
    say("abuse: under attack /search p50/p99 %.1f / %.1f ms", attacked.p(50), attacked.p(99));
    Phase after = phase(base, ids, settings, false);
    say("abuse: without attack again /search p50/p99 %.1f / %.1f ms", after.p(50), after.p(99));
    // The baseline is the quieter of the two phases without attack (the first may still pay for
    // JIT compilation): the ratio errs against the node.
    Phase alone = after.p(99) < before.p(99) ? after : before;
    double loadAtEnd = load();

    Map<String, Object> out = new LinkedHashMap<>();
    out.put("resources", resources);
    out.put("honestClients", settings.honestClients());
    out.put("requestsPerSecondPerClient", settings.ratePerClient());
    out.put("attackers", settings.attackers());
    out.put("warmupSeconds", settings.warmup().toSeconds());
    out.put("measureSeconds", settings.measure().toSeconds());
    out.put("attackerPatienceMs", ATTACKER_PATIENCE.toMillis());
    out.put("runawayQueries", new JsonArray(RUNAWAY).encode());
    out.put("loadAverageStart", loadAtStart);
    out.put("loadAverageEnd", loadAtEnd);
    out.put("searchP99WithoutAttackBeforeMs", before.p(99));
    out.put("searchP99WithoutAttackAfterMs", after.p(99));
    out.put("baselinePhase", alone == before ? "before the attack" : "after the attack");
    out.put("honestRequestsAlone", alone.requests.get());
    out.put("honestRequestsUnderAttack", attacked.requests.get());
    out.put("honestErrorsAlone", before.errors + " " + after.errors);
    out.put("honestErrorsUnderAttack", attacked.errors.toString());
    out.put("searchSamplesAlone", alone.search.count());
    out.put("searchSamplesUnderAttack", attacked.search.count());
    out.put("attackOutcomes", attacked.attackOutcomes.toString());
    List<Comparison> comparisons =
        List.of(
            latency("GET /search p50 under attack", attacked.search, 50, alone.search),
            latency("GET /search p99 under attack", attacked.search, 99, alone.search),
            latency("GET /health p99 under attack", attacked.health, 99, alone.health),
            latency("GET /resources/{id} p99 attack", attacked.resource, 99, alone.resource));
    double ratio = attacked.p(99) / alone.p(99);
    long honestErrors = attacked.errorCount() + before.errorCount() + after.errorCount();
    List<String> notes = new ArrayList<>();
    notes.add(
        String.format(
            Locale.ROOT,
            "target: /search p99 under attack within %.0fx of without (%.2fx) and no errors for"
                + " honest clients (%d): %s",
            TARGET_RATIO,
            ratio,
            honestErrors,
            ratio <= TARGET_RATIO && honestErrors == 0 ? "met" : "NOT met"));
    notes.add("attackers' answers under attack: " + attacked.attackOutcomes);
    notes.add(
        "latency is measured from each request's scheduled time (a paced load), so a stalled node"
            + " shows as latency, not as fewer requests");
    return new BenchResult("abuse", out, comparisons, notes);
  }

  /** One phase: warm-up then measurement; attackers run through both when attack is set. */
  private Phase phase(URI base, List<String> ids, Settings settings, boolean attack) {
    Phase phase = new Phase();
    HttpClient honest = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpClient attackers = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    AtomicBoolean attacking = new AtomicBoolean(attack);
    ExecutorService threads =
        Executors.newFixedThreadPool(settings.honestClients() + settings.attackers());
    List<Future<?>> running = new ArrayList<>();
    try {
      if (attack) {
        for (int a = 0; a < settings.attackers(); a++) {
          int first = a;
          running.add(threads.submit(() -> attackLoop(attackers, base, first, attacking, phase)));
        }
      }
      long warmupEnd = System.nanoTime() + settings.warmup().toNanos();
      long end = warmupEnd + settings.measure().toNanos();
      long interval = 1_000_000_000L / settings.ratePerClient();
      for (int c = 0; c < settings.honestClients(); c++) {
        int client = c;
        running.add(
            threads.submit(
                () ->
                    honestLoop(
                        honest,
                        base,
                        ids,
                        client,
                        settings.honestClients(),
                        interval,
                        warmupEnd,
                        end,
                        phase)));
      }
      for (Future<?> f : running.subList(settings.attackers() * (attack ? 1 : 0), running.size())) {
        BenchClients.join(f);
      }
      attacking.set(false);
      for (Future<?> f : running) {
        BenchClients.join(f);
      }
    } finally {
      attacking.set(false);
      threads.shutdownNow();
    }
    return phase;
  }

  private static void honestLoop(
      HttpClient http,
      URI base,
      List<String> ids,
      int client,
      int clients,
      long interval,
      long warmupEnd,
      long end,
      Phase phase) {
    // Clients start spread over one interval, then each keeps its own schedule.
    long next = System.nanoTime() + interval * client / clients;
    for (int i = client; ; i++) {
      long now = System.nanoTime();
      if (next > now) {
        sleepNanos(next - now);
      }
      if (next >= end) {
        return;
      }
      String path;
      Latencies into;
      switch (i % 8) {
        case 0, 2, 4, 6, 7 -> {
          path = "/search?" + SEARCHES.get(i % SEARCHES.size());
          into = phase.search;
        }
        case 1, 5 -> {
          path = "/resources/" + ids.get(i % ids.size());
          into = phase.resource;
        }
        default -> {
          path = (i % 16 == 3) ? "/.well-known/baton-node" : "/health";
          into = phase.health;
        }
      }
      int status = send(http, base.resolve(path), HONEST_TIMEOUT);
      long latency = System.nanoTime() - next;
      if (next >= warmupEnd) {
        phase.requests.incrementAndGet();
        if (status != 200) {
          phase.errors.merge(
              status + " " + path.replaceAll("\\?.*|/resources/.*", ""), 1L, Long::sum);
        }
        synchronized (into) {
          into.record(latency);
        }
      }
      next += interval;
    }
  }

  private static void attackLoop(
      HttpClient http, URI base, int first, AtomicBoolean attacking, Phase phase) {
    for (int i = first; attacking.get(); i++) {
      String query = RUNAWAY.get(i % RUNAWAY.size());
      URI uri = base.resolve("/sparql?query=" + enc(query));
      int status = send(http, uri, ATTACKER_PATIENCE);
      String outcome = status == -1 ? "gave up after 2 s" : status == -2 ? "failed" : "" + status;
      phase.attackOutcomes.merge(outcome, 1L, Long::sum);
      if (status == 503 || status == 429) {
        // A refused attacker tries again soon; it does not honour Retry-After.
        sleepNanos(50_000_000L);
      }
    }
  }

  /** The status, -1 when the client gave up waiting, -2 when the request failed. */
  private static int send(HttpClient http, URI uri, Duration timeout) {
    HttpRequest request =
        HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (HttpTimeoutException e) {
      return -1;
    } catch (IOException e) {
      return -2;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -2;
    }
  }

  private static List<String> resourceIds(URI base) {
    HttpClient http = HttpClient.newHttpClient();
    try {
      HttpResponse<String> page =
          http.send(
              HttpRequest.newBuilder(base.resolve("/resources?limit=100"))
                  .header("Accept", "application/json")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      JsonArray items = new JsonObject(page.body()).getJsonArray("items", new JsonArray());
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        ids.add(items.getJsonObject(i).getString("id"));
      }
      if (ids.isEmpty()) {
        throw new IllegalStateException("the node lists no resources: " + page.body());
      }
      return ids;
    } catch (IOException e) {
      throw new IllegalStateException("cannot list the node's resources: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** A query binding a string that doubles times times: 2^times copies of a resource IRI. */
  static String doublingConcat(int times) {
    StringBuilder query = new StringBuilder("SELECT ?x").append(times).append(" { ?x0 ?p ?o ");
    for (int i = 1; i <= times; i++) {
      query
          .append("BIND(CONCAT(STR(?x")
          .append(i - 1)
          .append("), STR(?x")
          .append(i - 1)
          .append(")) AS ?x")
          .append(i)
          .append(") ");
    }
    return query.append("} LIMIT 1").toString();
  }

  private static Comparison latency(String name, Latencies measured, double p, Latencies alone) {
    return new Comparison(
        name,
        "ms",
        measured.count() == 0 ? 0 : measured.percentileMillis(p),
        "same without attack",
        alone.count() == 0 ? 0 : alone.percentileMillis(p),
        false);
  }

  private void say(String format, Object... args) {
    progress.printf(Locale.ROOT, format + "%n", args);
    progress.flush();
  }

  private static double load() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static void sleepNanos(long nanos) {
    try {
      TimeUnit.NANOSECONDS.sleep(nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** What one phase recorded. */
  private static final class Phase {
    final Latencies search = new Latencies();
    final Latencies resource = new Latencies();
    final Latencies health = new Latencies();
    final AtomicLong requests = new AtomicLong();
    final Map<String, Long> errors = new ConcurrentHashMap<>();
    final Map<String, Long> attackOutcomes = new ConcurrentHashMap<>();

    double p(double percentile) {
      return search.count() == 0 ? Double.NaN : search.percentileMillis(percentile);
    }

    long errorCount() {
      return errors.values().stream().mapToLong(Long::longValue).sum();
    }
  }
}
