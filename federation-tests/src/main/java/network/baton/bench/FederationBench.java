package network.baton.bench;

import static java.util.Objects.requireNonNull;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import network.baton.node.federation.Member;
import network.baton.node.federation.search.FederationLimits;

/**
 * Federated search latency (p50, p99 of {@code GET /federation/search} over HTTP) for several
 * network sizes, all members real nodes in this JVM, next to two baselines measured in the same run
 * by the same client: one member's {@code GET /search} with the same query, and the same query sent
 * to every member's {@code /search} one after the other. Then a network with one hung member: the
 * answer's time against the deadline. Targets from the issue: at 50 members p50 within 3x of one
 * local search and at least 10x faster than the sequential baseline; with a hung member the answer
 * within the deadline plus 100 ms.
 *
 * <p>The coordinators run without the answer cache ({@link FederationLimits#withoutAnswerCache()}):
 * the query mix repeats, and cached member answers would measure the cache, not the fan-out.
 */
public final class FederationBench {

  /** The member count the targets are set for. */
  static final int TARGET_MEMBERS = 50;

  private static final int HUNG_WITH_MEMBERS = 5;

  /** The query mix: plain text in both languages, and filters (lang makes source selection run). */
  static final List<String> MIX =
      List.of(
          "q=" + encode("電池"),
          "q=battery",
          "q=" + encode("安全"),
          "q=safety",
          "q=" + encode("リサイクル"),
          "q=" + encode("electrode coating"),
          "q=" + encode("蓄電池") + "&lang=ja",
          "q=battery&type=Course");

  /**
   * What to run: member counts, content per member, samples, the deadline, the coordinator's
   * fan-out width, and the simulated delay on the link to every member (0: plain loopback).
   */
  public record Settings(
      List<Integer> memberCounts,
      int resourcesPerMember,
      int warmup,
      int iterations,
      long deadlineMs,
      int hungIterations,
      int maxInFlight,
      long linkDelayMs) {
    public Settings {
      memberCounts = List.copyOf(memberCounts);
      if (memberCounts.isEmpty() || memberCounts.stream().anyMatch(n -> n < 1)) {
        throw new IllegalArgumentException("member counts must be given and at least 1");
      }
      if (resourcesPerMember < 1 || iterations < 1 || hungIterations < 1 || maxInFlight < 1) {
        throw new IllegalArgumentException(
            "resources per member, iterations, hung iterations and max in flight must be at least"
                + " 1");
      }
      if (warmup < 0 || linkDelayMs < 0) {
        throw new IllegalArgumentException("warmup and link delay must not be negative");
      }
      if (deadlineMs < 1 || deadlineMs > FederationLimits.defaults().maxDeadline().toMillis()) {
        throw new IllegalArgumentException(
            "deadline must be 1 to "
                + FederationLimits.defaults().maxDeadline().toMillis()
                + " ms, was "
                + deadlineMs);
      }
    }

    /** The largest member count: how many members the run starts. */
    int largest() {
      return memberCounts.stream().mapToInt(Integer::intValue).max().orElseThrow();
    }
  }

  /** The results (one per member count, then the hung-member run) and a Markdown table of them. */
  public record Report(List<BenchResult> results, String markdown) {
    public Report {
      results = List.copyOf(results);
      requireNonNull(markdown, "markdown");
    }
  }

  private final PrintWriter progress;
  private final HttpClient http = BenchClients.http();

  /** A benchmark telling progress to progress. */
  public FederationBench(PrintWriter progress) {
    this.progress = progress;
  }

  /** Starts the members under work, measures every member count and the hung member, stops. */
  public Report run(Path work, Settings settings) {
    double loadAtStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    FederationLimits limits = limits(settings.maxInFlight());
    progress.printf(
        "federation: starting %d members with %d resources each...%n",
        settings.largest(), settings.resourcesPerMember());
    progress.flush();
    long started = System.nanoTime();
    try (BenchNetwork network =
        BenchNetwork.start(
            work,
            settings.largest(),
            settings.resourcesPerMember(),
            settings.linkDelayMs(),
            progress)) {
      double startSeconds = (System.nanoTime() - started) / 1e9;
      progress.printf("members ready in %.1f s%n", startSeconds);
      progress.flush();
      List<Member> all = network.members();
      URI oneMember = all.get(0).baseUrl();
      List<FederationFigures.SizeRun> runs = new ArrayList<>();
      for (int n : settings.memberCounts()) {
        List<Member> members = all.subList(0, n);
        URI coordinator = network.startCoordinator(members, limits);
        progress.printf("federation: %d members, %d timed iterations%n", n, settings.iterations());
        progress.flush();
        runs.add(measure(coordinator, oneMember, members, settings));
      }
      FederationFigures.HungRun hung;
      try (HungMember hungMember = network.startHungMember()) {
        List<Member> listed =
            new ArrayList<>(all.subList(0, Math.min(HUNG_WITH_MEMBERS, all.size())));
        listed.add(hungMember.member());
        URI coordinator = network.startCoordinator(listed, limits);
        progress.printf(
            "federation: %d members and one hung, %d requests with a deadline of %d ms%n",
            listed.size() - 1, settings.hungIterations(), settings.deadlineMs());
        progress.flush();
        hung = measureHung(coordinator, listed.size() - 1, settings);
      }
      List<BenchResult> results = new ArrayList<>();
      for (FederationFigures.SizeRun run : runs) {
        results.add(FederationFigures.result(run, settings, limits, loadAtStart, startSeconds));
      }
      results.add(FederationFigures.hungResult(hung, settings));
      return new Report(results, FederationFigures.markdown(runs, hung, settings));
    }
  }

  /** The coordinators' limits: the defaults without the answer cache, this fan-out width. */
  static FederationLimits limits(int maxInFlight) {
    FederationLimits d = FederationLimits.defaults().withoutAnswerCache();
    return new FederationLimits(
        d.defaultDeadline(),
        d.maxDeadline(),
        d.memberTimeout(),
        maxInFlight,
        d.maxAnswerBytes(),
        d.descriptorTtl(),
        d.answerTtl(),
        d.sparqlRowsPerMember());
  }

  private FederationFigures.SizeRun measure(
      URI coordinator, URI oneMember, List<Member> members, Settings s) {
    Latencies federated = new Latencies();
    Latencies local = new Latencies();
    Latencies sequential = new Latencies();
    Latencies lastMember = new Latencies();
    int partial = 0;
    long hits = 0;
    // The three ways take turns query by query, so a change in machine load hits all of them.
    for (int i = 0; i < s.warmup() + s.iterations(); i++) {
      boolean timed = i >= s.warmup();
      String query = MIX.get(i % MIX.size());
      Timed fed = get(federatedUri(coordinator, query, s.deadlineMs()), s.deadlineMs());
      Timed one = get(URI.create(oneMember + "/search?" + query), s.deadlineMs());
      long inTurn = 0;
      for (Member member : members) {
        inTurn += get(URI.create(member.baseUrl() + "/search?" + query), s.deadlineMs()).nanos();
      }
      if (timed) {
        federated.record(fed.nanos());
        local.record(one.nanos());
        sequential.record(inTurn);
        JsonObject answer = new JsonObject(fed.body());
        if (answer.getBoolean("partial", false)) {
          partial++;
        }
        hits += answer.getJsonArray("hits").size();
        lastMember.record(lastMemberMillis(answer) * 1_000_000);
      }
    }
    return new FederationFigures.SizeRun(
        members.size(), federated, local, sequential, lastMember, partial, hits);
  }

  /** When the last member answered, as the coordinator measured it from the start of fan-out. */
  private static long lastMemberMillis(JsonObject answer) {
    long last = 0;
    for (Object m : answer.getJsonArray("members", new JsonArray())) {
      last = Math.max(last, ((JsonObject) m).getLong("latencyMs", 0L));
    }
    return last;
  }

  private FederationFigures.HungRun measureHung(URI coordinator, int members, Settings s) {
    Latencies answers = new Latencies();
    int partial = 0;
    int hungTimeouts = 0;
    int othersOk = 0;
    for (int i = 0; i < s.hungIterations(); i++) {
      String query = MIX.get(i % MIX.size());
      Timed answer = get(federatedUri(coordinator, query, s.deadlineMs()), s.deadlineMs());
      answers.record(answer.nanos());
      JsonObject json = new JsonObject(answer.body());
      if (json.getBoolean("partial", false)) {
        partial++;
      }
      for (Object m : json.getJsonArray("members", new JsonArray())) {
        JsonObject status = (JsonObject) m;
        boolean isHung = HungMember.DID.equals(status.getString("did"));
        String state = status.getString("status");
        if (isHung && "timeout".equals(state)) {
          hungTimeouts++;
        } else if (!isHung && "ok".equals(state)) {
          othersOk++;
        }
      }
    }
    return new FederationFigures.HungRun(members, answers, partial, hungTimeouts, othersOk);
  }

  private static URI federatedUri(URI coordinator, String query, long deadlineMs) {
    return URI.create(coordinator + "/federation/search?" + query + "&deadline=" + deadlineMs);
  }

  /** One answered request: how long it took (until the whole body was read) and the body. */
  private record Timed(long nanos, String body) {}

  private Timed get(URI uri, long deadlineMs) {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .header("Accept", "application/json")
            .timeout(Duration.ofMillis(deadlineMs + 30_000))
            .GET()
            .build();
    try {
      long start = System.nanoTime();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      long nanos = System.nanoTime() - start;
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "GET " + uri + " answered " + response.statusCode() + ": " + response.body());
      }
      return new Timed(nanos, response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("GET " + uri + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
