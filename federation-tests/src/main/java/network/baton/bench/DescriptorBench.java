package network.baton.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import network.baton.node.NodeSetup;
import network.baton.node.http.NodeDescriptorRoutes;
import network.baton.node.resources.ResourceReader;
import network.baton.node.search.BenchmarkResources;
import network.baton.node.store.NodeDataset;
import network.baton.node.store.OpenDataset;
import network.baton.node.store.ResourceDraft;
import network.baton.node.store.ResourceIds;
import network.baton.node.store.ResourceStore;
import network.baton.vocab.SampleContent;

/**
 * The public node descriptor under load: GET /.well-known/baton-node requests/s from several
 * clients, and the p99 of /health (asked by one more client meanwhile), as the node serves it (from
 * memory) next to the old computation as the baseline: the same document worked out per request
 * over the whole store on the Jena pool (count plus the skills-by-resource query), mounted on the
 * same node at {@link #BASELINE_PATH}, over the same store, in the same run.
 */
public final class DescriptorBench {

  /** Where the benchmark node serves the descriptor computed the old way, by a full scan. */
  static final String BASELINE_PATH = "/bench/descriptor-full-scan";

  private static final int WRITE_BATCH = 1_000;
  private static final long HEALTH_PAUSE_MS = 5;
  private static final int ALONE = 5;

  /** What to measure: store size, concurrent descriptor clients, seconds per phase. */
  record Settings(int resources, int clients, double warmupSeconds, double measureSeconds) {
    Settings {
      if (resources < 1 || clients < 1) {
        throw new IllegalArgumentException("--resources and --clients must be at least 1");
      }
      if (!(warmupSeconds >= 0) || !(measureSeconds > 0)) {
        throw new IllegalArgumentException(
            "--warmup must not be negative and --measure must be above 0 seconds");
      }
    }
  }

  /** One phase's numbers: descriptor answers and their latencies, and /health latencies. */
  private record Load(
      double rate, long answered, Latencies descriptor, Latencies health, long errors) {}

  private final PrintWriter progress;
  // The baseline route of the node being measured; drain() waits for its scans.
  private FullScanDescriptor baseline;
  private final HttpClient http = BenchClients.http();

  /** A benchmark telling progress to progress. */
  public DescriptorBench(PrintWriter progress) {
    this.progress = progress;
  }

  /** Writes the resources into a store under folder, starts a node over it and measures. */
  public BenchResult run(Path folder, Settings settings) {
    NodeSetup standard = NodeSetup.standard();
    baseline = new FullScanDescriptor(BASELINE_PATH, standard::broaderSkills);
    NodeSetup setup = standard.withExtensions(List.of(baseline));
    progress.printf("descriptor: writing %d generated resources...%n", settings.resources());
    progress.flush();
    long started = System.nanoTime();
    write(folder, settings.resources(), setup);
    progress.printf("store ready in %.1f s%n", (System.nanoTime() - started) / 1e9);
    progress.flush();
    try (BenchLogging quiet = BenchLogging.quiet();
        BenchNode node = BenchNode.start(folder, setup)) {
      return measure(node, settings);
    }
  }

  private BenchResult measure(BenchNode node, Settings settings) {
    URI memory = node.url().resolve(NodeDescriptorRoutes.PATH);
    URI scan = node.url().resolve(BASELINE_PATH);
    URI health = node.url().resolve("/health");
    String served = get(memory).body();
    boolean same = served.equals(get(scan).body());
    Latencies idle = new Latencies();
    long idleUntil = System.nanoTime() + (long) (Math.min(1.0, settings.measureSeconds()) * 1e9);
    while (System.nanoTime() < idleUntil) {
      timed(health, idle);
    }
    progress.printf(
        Locale.ROOT,
        "descriptor: %d clients, %.1f s warm-up and %.1f s measured per way%n",
        settings.clients(),
        settings.warmupSeconds(),
        settings.measureSeconds());
    progress.flush();
    Latencies memoryAlone = alone(memory);
    Latencies scanAlone = alone(scan);
    Load fromMemory =
        hammer(
            memory,
            health,
            settings.clients(),
            settings.warmupSeconds(),
            settings.measureSeconds());
    drain();
    Load fullScan =
        hammer(
            scan, health, settings.clients(), settings.warmupSeconds(), settings.measureSeconds());
    drain();

    Map<String, Object> values = new LinkedHashMap<>();
    values.put("resources", settings.resources());
    values.put("clients", settings.clients());
    values.put("warmupSeconds", settings.warmupSeconds());
    values.put("measureSeconds", settings.measureSeconds());
    values.put("descriptorBytes", served.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    values.put("sameDocumentBothWays", same);
    values.put("fromMemoryAnswers", fromMemory.answered());
    values.put("fullScanAnswers", fullScan.answered());
    values.put("errors", fromMemory.errors() + fullScan.errors());
    values.put("healthSamplesFromMemory", fromMemory.health().count());
    values.put("healthSamplesFullScan", fullScan.health().count());
    values.put("healthIdleP99Ms", idle.percentileMillis(99));
    values.put("oneRequestAloneFromMemoryMs", memoryAlone.percentileMillis(50));
    values.put("oneRequestAloneFullScanMs", scanAlone.percentileMillis(50));
    String scanName = "full scan per request (old)";
    List<Comparison> comparisons =
        List.of(
            new Comparison(
                "descriptor from memory",
                "requests/s",
                fromMemory.rate(),
                scanName,
                fullScan.rate(),
                true),
            Comparison.latency(
                "descriptor p50", fromMemory.descriptor(), 50, scanName, fullScan.descriptor()),
            Comparison.latency(
                "descriptor p99", fromMemory.descriptor(), 99, scanName, fullScan.descriptor()),
            Comparison.latency(
                "/health p99, descriptor hammered",
                fromMemory.health(),
                99,
                scanName,
                fullScan.health()));
    List<String> notes = new ArrayList<>();
    notes.add(
        String.format(
            Locale.ROOT,
            "/health p99 with no other load: %.2f ms; the full scan takes the Jena workers that"
                + " /health needs as well",
            idle.percentileMillis(99)));
    notes.add(
        String.format(
            Locale.ROOT,
            "one request alone (median of %d, one client): from memory %.2f ms, full scan %.1f ms",
            ALONE,
            memoryAlone.percentileMillis(50),
            scanAlone.percentileMillis(50)));
    notes.add(
        "both ways answer the same document"
            + (same ? "" : " -- NOT SO in this run: the coverage in memory differs from the scan"));
    if (fromMemory.errors() + fullScan.errors() > 0) {
      notes.add(
          (fromMemory.errors() + fullScan.errors()) + " request(s) failed or answered non-200");
    }
    return new BenchResult("descriptor", values, comparisons, notes);
  }

  /**
   * Clients ask target as fast as they can, and one more asks /health every few ms, without a break
   * for warmup + measure seconds; only the measured window counts (the warm-up brings the node to
   * its steady state under this load). The rate counts the answers that came back in the window;
   * the percentiles take every answer that came back in it, and each request still out at its end
   * with the time it had waited by then (a lower bound: in the slow baseline's favour).
   */
  private Load hammer(URI target, URI health, int clients, double warmup, double measure) {
    long from = System.nanoTime() + (long) (warmup * 1e9);
    long until = from + (long) (measure * 1e9);
    Window window = new Window(from, until);
    ExecutorService threads = Executors.newFixedThreadPool(clients + 1);
    try {
      List<java.util.concurrent.Future<Latencies>> loads = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        loads.add(
            threads.submit(
                () -> {
                  Latencies mine = new Latencies();
                  while (System.nanoTime() < until) {
                    window.ask(target, mine, true);
                  }
                  return mine;
                }));
      }
      java.util.concurrent.Future<Latencies> probe =
          threads.submit(
              () -> {
                Latencies mine = new Latencies();
                while (System.nanoTime() < until) {
                  window.ask(health, mine, false);
                  Thread.sleep(HEALTH_PAUSE_MS);
                }
                return mine;
              });
      Latencies descriptor = new Latencies();
      for (var load : loads) {
        descriptor.addAll(BenchClients.join(load));
      }
      Latencies probed = BenchClients.join(probe);
      long answered = window.answered.get();
      return new Load(answered / measure, answered, descriptor, probed, window.errors.get());
    } finally {
      threads.shutdownNow();
    }
  }

  /** The measured window of one way: what counts in it. */
  private final class Window {
    private final long from;
    private final long until;
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();

    Window(long from, long until) {
      this.from = from;
      this.until = until;
    }

    /**
     * GETs uri, given up at the window's end; records its latency if it ends in the window (or,
     * given up, with the time it waited if it began in the window); counts the answer if asked to.
     * A failure or a non-200 answer in the window is an error.
     */
    void ask(URI uri, Latencies latencies, boolean count) {
      long start = System.nanoTime();
      long left = until - start;
      if (left <= 0) {
        return;
      }
      try {
        HttpResponse<byte[]> response =
            http.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofNanos(left)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        long end = System.nanoTime();
        if (end >= from) {
          latencies.record(end - start);
          if (response.statusCode() != 200) {
            errors.incrementAndGet();
          } else if (count) {
            answered.incrementAndGet();
          }
        }
      } catch (HttpTimeoutException e) {
        // Still out at the end: it took at least this long (counted even if it began in the
        // warm-up, or a baseline slower than the window would show no latency at all).
        latencies.record(System.nanoTime() - start);
      } catch (IOException e) {
        errors.incrementAndGet();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }

  /** GETs uri (given up after a minute) and records how long it took. */
  private void timed(URI uri, Latencies latencies) {
    long start = System.nanoTime();
    get(uri);
    latencies.record(System.nanoTime() - start);
  }

  /** ALONE requests to target one after the other, nothing else running. */
  private Latencies alone(URI target) {
    Latencies latencies = new Latencies();
    for (int i = 0; i < ALONE; i++) {
      timed(target, latencies);
    }
    return latencies;
  }

  /**
   * Waits (up to two minutes) until the node has finished the full scans a phase left running
   * (requests given up on go on there), so that every phase starts on an idle node.
   */
  private void drain() {
    long until = System.nanoTime() + 120_000_000_000L;
    while (baseline.running() > 0 && System.nanoTime() < until) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }

  private HttpResponse<String> get(URI uri) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(1)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("GET " + uri + " answered " + response.statusCode());
      }
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException("GET " + uri + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Stores generated resources through the store's batch write (live count and change log too). */
  private static void write(Path folder, int resources, NodeSetup setup) {
    BenchmarkResources generator =
        BenchmarkResources.fromSample(SampleContent.create(), BenchNode.BASE_URL);
    ResourceIds ids = new ResourceIds(BenchNode.BASE_URL);
    ResourceReader reader = new ResourceReader(ids, setup.jsonLd());
    try (ResourceStore store =
        new ResourceStore(
            OpenDataset.of(NodeDataset.open(folder)), ids, ids.base(), Clock.systemUTC())) {
      for (int from = 0; from < resources; from += WRITE_BATCH) {
        List<ResourceDraft> drafts =
            generator
                .generate(Math.min(resources, from + WRITE_BATCH))
                .skip(from)
                .map(r -> reader.draft(r.graph()))
                .toList();
        store.writeAll(drafts, false);
      }
    }
  }
}
