package network.baton.node.importer;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports resources through a running node's HTTP API: one POST /resources per resource (as
 * N-Triples, IRIs already resolved against the node's base URL), at most {@code concurrency} in
 * flight. The node validates and stores each; a 401/403 stops the import.
 */
public final class OnlineImporter {

  private static final Logger log = LoggerFactory.getLogger(OnlineImporter.class);
  private static final String DESCRIPTOR = "/.well-known/baton-node";
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final HttpClient client;
  private final String node;
  private final String token;
  private final int concurrency;

  /** An importer talking to the node at nodeUrl with an admin token. */
  public OnlineImporter(HttpClient client, URI nodeUrl, String token, int concurrency) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1: " + concurrency);
    }
    String text = nodeUrl.toString();
    this.node = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    this.client = client;
    this.token = token;
    this.concurrency = concurrency;
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
   * Posts every item; onStored hears each IRI the node acknowledged (201) as it happens. Fails with
   * NodeRefusedException if the node refuses the token (after the requests in flight finish).
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
    for (ImportItem item : items) {
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
              .sendAsync(post(item), HttpResponse.BodyHandlers.ofString())
              .handle(
                  (response, failure) -> {
                    try {
                      if (failure != null) {
                        rejected.add(
                            Rejection.of(item.source(), item.iri(), "request failed: " + failure));
                      } else if (response.statusCode() == 201) {
                        stored.incrementAndGet();
                        triples.addAndGet(item.graph().size());
                        onStored.accept(item.iri());
                      } else if (response.statusCode() == 401 || response.statusCode() == 403) {
                        refusal.compareAndSet(null, refusalMessage(response));
                      } else {
                        rejected.add(new Rejection(item.source(), item.iri(), reasons(response)));
                      }
                      progress.advance(item.graph().size());
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

  private HttpRequest post(ImportItem item) {
    StringWriter body = new StringWriter();
    RDFDataMgr.write(body, item.graph(), Lang.NTRIPLES);
    return HttpRequest.newBuilder(URI.create(node + "/resources"))
        .timeout(TIMEOUT)
        .header("Content-Type", "application/n-triples")
        .header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
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

  /** The reasons a node gave for refusing a resource: each violation, else the problem's detail. */
  private static List<String> reasons(HttpResponse<String> response) {
    JsonObject problem = problem(response);
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
          response.statusCode()
              + " "
              + problem.getString("detail", problem.getString("title", "refused")));
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
