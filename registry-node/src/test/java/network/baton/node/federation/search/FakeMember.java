package network.baton.node.federation.search;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import network.baton.node.federation.Member;
import network.baton.node.federation.Role;

/**
 * A raw Vert.x HTTP server on a loopback port playing a member node: a descriptor, and /search and
 * /sparql answers that are good, slow, hanging, garbage or huge. Misbehaving peers cannot be made
 * from a real node, so they are made here.
 */
final class FakeMember implements AutoCloseable {

  /** How the member answers /search and /sparql. */
  enum Behaviour {
    GOOD,
    SLOW,
    HANG,
    GARBAGE,
    HUGE
  }

  private final String did;
  private final HttpServer server;
  private final AtomicInteger searches = new AtomicInteger();

  private FakeMember(String did, HttpServer server) {
    this.did = did;
    this.server = server;
  }

  /** Starts a member serving {@code hits} (paged by limit/cursor) and a descriptor. */
  static FakeMember start(
      Vertx vertx,
      String did,
      Behaviour behaviour,
      long delayMs,
      List<JsonObject> hits,
      List<String> skills,
      List<JsonObject> solutions) {
    FakeMember[] self = new FakeMember[1];
    HttpServer server =
        vertx
            .createHttpServer()
            .requestHandler(
                request ->
                    self[0].answer(vertx, request, behaviour, delayMs, hits, skills, solutions));
    self[0] = new FakeMember(did, await(server.listen(0, "127.0.0.1")));
    return self[0];
  }

  /** A member address where nothing listens (the port was opened and closed again). */
  static Member dead(Vertx vertx, String did) {
    HttpServer server =
        await(vertx.createHttpServer().requestHandler(r -> {}).listen(0, "127.0.0.1"));
    int port = server.actualPort();
    await(server.close());
    return new Member(did, URI.create("http://127.0.0.1:" + port), did, Set.of(Role.PUBLISHER));
  }

  Member member() {
    return new Member(
        did, URI.create("http://127.0.0.1:" + server.actualPort()), did, Set.of(Role.PUBLISHER));
  }

  /** How many /search requests reached this member. */
  int searches() {
    return searches.get();
  }

  private void answer(
      Vertx vertx,
      HttpServerRequest request,
      Behaviour behaviour,
      long delayMs,
      List<JsonObject> hits,
      List<String> skills,
      List<JsonObject> solutions) {
    if (request.path().equals("/.well-known/baton-node")) {
      JsonArray coverage = new JsonArray();
      skills.forEach(s -> coverage.add(new JsonObject().put("skill", s).put("count", 1)));
      request
          .response()
          .end(
              new JsonObject()
                  .put("languages", new JsonArray().add("ja").add("en"))
                  .put("skills", coverage)
                  .encode());
      return;
    }
    boolean search = request.path().equals("/search");
    if (search) {
      searches.incrementAndGet();
    }
    switch (behaviour) {
      case HANG -> {}
      case GARBAGE -> request.response().end("<html>this is not {json");
      case HUGE -> {
        request.response().setChunked(true);
        Buffer chunk = Buffer.buffer("x".repeat(64 * 1024));
        for (int i = 0; i < 48; i++) {
          request.response().write(chunk);
        }
        request.response().end();
      }
      case SLOW -> vertx.setTimer(delayMs, id -> good(request, search, hits, solutions));
      case GOOD -> good(request, search, hits, solutions);
    }
  }

  private static void good(
      HttpServerRequest request,
      boolean search,
      List<JsonObject> hits,
      List<JsonObject> solutions) {
    if (!search) {
      request.bodyHandler(
          body ->
              request
                  .response()
                  .putHeader("Content-Type", "application/sparql-results+json")
                  .end(
                      new JsonObject()
                          .put("head", new JsonObject().put("vars", new JsonArray().add("course")))
                          .put(
                              "results", new JsonObject().put("bindings", new JsonArray(solutions)))
                          .encode()));
      return;
    }
    int limit = Integer.parseInt(request.getParam("limit", "20"));
    int offset = Integer.parseInt(request.getParam("cursor", "0"));
    List<JsonObject> page =
        hits.subList(Math.min(offset, hits.size()), Math.min(offset + limit, hits.size()));
    JsonObject facets =
        new JsonObject()
            .put("skillArea", new JsonObject())
            .put("level", new JsonObject())
            .put("type", new JsonObject().put("Course", hits.size()))
            .put("language", new JsonObject())
            .put("license", new JsonObject());
    JsonObject result =
        new JsonObject()
            .put("hits", new JsonArray(page))
            .put("total", hits.size())
            .put("facets", facets);
    if (offset + limit < hits.size()) {
      result.put("nextCursor", Integer.toString(offset + limit));
    }
    request.response().putHeader("Content-Type", "application/json").end(result.encode());
  }

  /** A hit as a member's /search shows it. */
  static JsonObject hit(String iri, String name, double score) {
    return new JsonObject()
        .put("iri", iri)
        .put("type", "Course")
        .put("name", new JsonObject().put("en", name))
        .put("description", new JsonObject())
        .put("skills", new JsonArray().add("https://w3id.org/baton/skill/SAF-TRUN"))
        .put("languages", new JsonArray().add("en"))
        .put("score", score);
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    await(server.close());
  }
}
