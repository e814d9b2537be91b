package network.baton.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;

/**
 * Throughput of a simple SELECT through GET /sparql on the running node, with several concurrent
 * clients, next to the same query run in-process with QueryExecution on the same dataset (union
 * default graph, as the endpoint uses) by the same number of threads.
 */
public final class SparqlBench {

  /** The query: courses and their names, a page of them. */
  static final String QUERY =
      "PREFIX schema: <http://schema.org/> "
          + "SELECT ?s ?name WHERE { ?s a schema:Course ; schema:name ?name } LIMIT 20";

  private final PrintWriter progress;
  private final HttpClient http = HttpClient.newHttpClient();

  /** A benchmark telling progress to progress. */
  public SparqlBench(PrintWriter progress) {
    this.progress = progress;
  }

  /** Runs warmup untimed and iterations timed queries per way, spread over clients threads. */
  public BenchResult run(BenchNode node, int resources, int warmup, int iterations, int clients) {
    progress.printf("sparql: %d queries per way, %d clients%n", iterations, clients);
    progress.flush();
    Dataset dataset = node.dataset();
    URI endpoint =
        URI.create(
            node.url() + "/sparql?query=" + URLEncoder.encode(QUERY, StandardCharsets.UTF_8));
    AtomicLong httpRows = new AtomicLong();
    AtomicLong localRows = new AtomicLong();
    throughput(warmup, clients, () -> http(endpoint));
    double overHttp = throughput(iterations, clients, () -> httpRows.addAndGet(http(endpoint)));
    throughput(warmup, clients, () -> local(dataset));
    double inProcess = throughput(iterations, clients, () -> localRows.addAndGet(local(dataset)));
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("resources", resources);
    settings.put("query", QUERY);
    settings.put("clients", clients);
    settings.put("warmup", warmup);
    settings.put("iterations", iterations);
    settings.put("httpResponseBytes", httpRows.get());
    settings.put("inProcessRows", localRows.get());
    Comparison comparison =
        new Comparison(
            "GET /sparql (HTTP, " + clients + " clients)",
            "queries/s",
            overHttp,
            "QueryExecution in-process",
            inProcess,
            true);
    List<String> notes = new ArrayList<>();
    notes.add(
        "HTTP includes the endpoint's parsing, time limit, JSON results writing and the round"
            + " trip; in-process reads the rows only");
    return new BenchResult("sparql", settings, List.of(comparison), notes);
  }

  private interface Call {
    void run();
  }

  /** Runs count calls over threads threads; calls per second. */
  private static double throughput(int count, int threads, Call call) {
    if (count == 0) {
      return 0;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger left = new AtomicInteger(count);
    try {
      long started = System.nanoTime();
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        running.add(
            pool.submit(
                () -> {
                  while (left.getAndDecrement() > 0) {
                    call.run();
                  }
                }));
      }
      for (Future<?> f : running) {
        f.get();
      }
      return count / ((System.nanoTime() - started) / 1e9);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("a query failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private long http(URI endpoint) {
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .header("Accept", "application/sparql-results+json")
            .GET()
            .build();
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("GET /sparql answered " + response.statusCode());
      }
      return response.body().length;
    } catch (IOException e) {
      throw new UncheckedIOException("GET /sparql failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static long local(Dataset dataset) {
    return Txn.calculateRead(
        dataset,
        () -> {
          try (QueryExecution qe =
              QueryExecution.dataset(dataset)
                  .query(QUERY)
                  .set(TDB2.symUnionDefaultGraph, true)
                  .build()) {
            return (long) ResultSetFormatter.consume(qe.execSelect());
          }
        });
  }
}
