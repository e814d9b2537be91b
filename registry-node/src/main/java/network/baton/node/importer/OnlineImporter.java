package network.baton.node.importer;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.Quad;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports resources through a running node's HTTP API: batches of {@code batchSize} resources per
 * POST /resources/batch (N-Quads, one named graph per resource, IRIs already resolved against the
 * node's base URL; {@code ?replace=true} with replace), at most {@code concurrency} batches in
 * flight. The node validates each resource, stores a batch in one transaction and answers for each;
 * a 401/403 stops the import.
 */
public final class OnlineImporter {

  /** Resources per request unless told otherwise. */
  public static final int DEFAULT_BATCH = 200;

  private static final Logger log = LoggerFactory.getLogger(OnlineImporter.class);
  private static final String DESCRIPTOR = "/.well-known/baton-node";
  private static final Duration TIMEOUT = Duration.ofSeconds(120);

  private final HttpClient client;
  private final String node;
  private final String token;
  private final int concurrency;
  private final boolean replace;
  private final int batchSize;

  /** An importer talking to the node at nodeUrl with an admin token. */
  public OnlineImporter(HttpClient client, URI nodeUrl, String token, int concurrency) {
    this(client, nodeUrl, token, concurrency, false);
  }

  /** As above; with replace, each resource is written as PUT would (created or new version). */
  public OnlineImporter(
      HttpClient client, URI nodeUrl, String token, int concurrency, boolean replace) {
    this(client, nodeUrl, token, concurrency, replace, DEFAULT_BATCH);
  }

  /** As above, sending batchSize resources per request. */
  public OnlineImporter(
      HttpClient client,
      URI nodeUrl,
      String token,
      int concurrency,
      boolean replace,
      int batchSize) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1: " + concurrency);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1: " + batchSize);
    }
    String text = nodeUrl.toString();
    this.node = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    this.client = client;
    this.token = token;
    this.concurrency = concurrency;
    this.replace = replace;
    this.batchSize = batchSize;
  }

  /** The node's base URL, from its descriptor; relative IRIs in the files resolve against it. */
  public String baseUrl() {
    HttpResponse<String> response;
    try {
      response =
          client.send(
              HttpRequest.newBuilder(URI.create(node + DESCRIPTOR)).timeout(TIMEOUT).GET().build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new NodeRefusedException("cannot reach the node at " + node + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NodeRefusedException("interrupted while asking " + node + " for its descriptor");
    }
    if (response.statusCode() != 200) {
      throw new NodeRefusedException(
          node + DESCRIPTOR + " answered " + response.statusCode() + "; is this a BATON node?");
    }
    try {
      String id = new JsonObject(response.body()).getString("id");
      if (id == null || id.isBlank()) {
        throw new NodeRefusedException("the node's descriptor names no base URL (\"id\")");
      }
      return id;
    } catch (DecodeException | ClassCastException e) {
      throw new NodeRefusedException("the node's descriptor is not JSON: " + e.getMessage());
    }
  }

  /**
   * Posts every item in batches; onStored hears each IRI the node acknowledged (stored and
   * committed) as its batch is answered. Fails with NodeRefusedException if the node refuses the
   * token (after the requests in flight finish).
   */
  public ImportSummary run(
      List<ImportItem> items,
      List<Rejection> earlier,
      ImportProgress progress,
      Consumer<String> onStored) {
    long started = System.nanoTime();
    List<Rejection> rejected = Collections.synchronizedList(new ArrayList<>(earlier));
    AtomicLong stored = new AtomicLong();
    AtomicLong triples = new AtomicLong();
    AtomicReference<String> refusal = new AtomicReference<>();
    Semaphore slots = new Semaphore(concurrency);
    List<CompletableFuture<Void>> inFlight = new ArrayList<>();
    for (Map<String, ImportItem> batch : batches(items)) {
      try {
        slots.acquire();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      if (refusal.get() != null) {
        slots.release();
        break;
      }
      inFlight.add(
          client
              .sendAsync(request(batch.values()), HttpResponse.BodyHandlers.ofString())
              .handle(
                  (response, failure) -> {
                    try {
                      if (failure != null) {
                        batch
                            .values()
                            .forEach(
                                item ->
                                    rejected.add(
                                        Rejection.of(
                                            item.source(),
                                            item.iri(),
                                            "request failed: " + failure)));
                      } else if (response.statusCode() == 200) {
                        answered(batch, response, rejected, stored, triples, onStored);
                      } else if (response.statusCode() == 401 || response.statusCode() == 403) {
                        refusal.compareAndSet(null, refusalMessage(response));
                      } else {
                        List<String> reasons = reasons(problem(response), response.statusCode());
                        batch
                            .values()
                            .forEach(
                                item ->
                                    rejected.add(
                                        new Rejection(item.source(), item.iri(), reasons)));
                      }
                      batch.values().forEach(item -> progress.advance(item.graph().size()));
                      return null;
                    } finally {
                      slots.release();
                    }
                  }));
    }
    CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
    progress.finish();
    if (refusal.get() != null) {
      throw new NodeRefusedException(refusal.get());
    }
    log.debug("online import done [stored: {}, rejected: {}]", stored.get(), rejected.size());
    return new ImportSummary(
        stored.get(), triples.get(), rejected, Duration.ofNanos(System.nanoTime() - started));
  }

  /**
   * The items cut into batches by IRI; an IRI seen again starts a new batch, since one body cannot
   * hold the same named graph twice.
   */
  private List<Map<String, ImportItem>> batches(List<ImportItem> items) {
    List<Map<String, ImportItem>> batches = new ArrayList<>();
    Map<String, ImportItem> current = new LinkedHashMap<>();
    for (ImportItem item : items) {
      if (current.size() == batchSize || current.containsKey(item.iri())) {
        batches.add(current);
        current = new LinkedHashMap<>();
      }
      current.put(item.iri(), item);
    }
    if (!current.isEmpty()) {
      batches.add(current);
    }
    return batches;
  }

  private static void answered(
      Map<String, ImportItem> batch,
      HttpResponse<String> response,
      List<Rejection> rejected,
      AtomicLong stored,
      AtomicLong triples,
      Consumer<String> onStored) {
    JsonArray results = problem(response).getJsonArray("results", new JsonArray());
    Map<String, ImportItem> unanswered = new LinkedHashMap<>(batch);
    for (Object entry : results) {
      if (!(entry instanceof JsonObject result)) {
        continue;
      }
      ImportItem item = unanswered.remove(result.getString("iri", ""));
      if (item == null) {
        continue;
      }
      int status = result.getInteger("status", 0);
      if (status == 200 || status == 201) {
        stored.incrementAndGet();
        triples.addAndGet(item.graph().size());
        onStored.accept(item.iri());
      } else {
        rejected.add(new Rejection(item.source(), item.iri(), reasons(result, status)));
      }
    }
    unanswered
        .values()
        .forEach(
            item ->
                rejected.add(
                    Rejection.of(item.source(), item.iri(), "the node's answer did not name it")));
  }

  private HttpRequest request(Collection<ImportItem> batch) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    StreamRDF out = StreamRDFWriter.getWriterStream(body, RDFFormat.NQUADS);
    out.start();
    for (ImportItem item : batch) {
      Node graph = NodeFactory.createURI(item.iri());
      item.graph().find().forEachRemaining(t -> out.quad(Quad.create(graph, t)));
    }
    out.finish();
    var publisher = HttpRequest.BodyPublishers.ofByteArray(body.toByteArray());
    String query = replace ? "?replace=true" : "";
    return HttpRequest.newBuilder(URI.create(node + "/resources/batch" + query))
        .POST(publisher)
        .timeout(TIMEOUT)
        .header("Content-Type", "application/n-quads")
        .header("Authorization", "Bearer " + token)
        .build();
  }

  private String refusalMessage(HttpResponse<String> response) {
    return "the node at "
        + node
        + " refused the admin token ("
        + response.statusCode()
        + ": "
        + problem(response).getString("detail", "no detail")
        + "); nothing more was sent";
  }

  /** The reasons a node gave for refusing: each violation, else the problem's detail. */
  private static List<String> reasons(JsonObject problem, int status) {
    List<String> reasons = new ArrayList<>();
    JsonArray violations = problem.getJsonArray("violations", new JsonArray());
    for (Object entry : violations) {
      if (entry instanceof JsonObject v) {
        String path = v.getString("path", "");
        String value = v.getString("value", "");
        reasons.add(
            v.getString("message", "violation")
                + (path.isEmpty() ? "" : " [" + path + "]")
                + (value.isEmpty() ? "" : " value: " + value));
      }
    }
    if (reasons.isEmpty()) {
      reasons.add(
          status + " " + problem.getString("detail", problem.getString("title", "refused")));
    }
    return reasons;
  }

  private static JsonObject problem(HttpResponse<String> response) {
    try {
      return new JsonObject(response.body());
    } catch (DecodeException | ClassCastException e) {
      return new JsonObject().put("detail", response.body());
    }
  }
}
