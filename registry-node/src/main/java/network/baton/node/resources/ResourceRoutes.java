package network.baton.node.resources;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import network.baton.credential.http.Problem;
import network.baton.credential.http.ProblemHandler;
import network.baton.node.http.ContextRoutes;
import network.baton.node.http.EntityTags;
import network.baton.node.http.Json;
import network.baton.node.store.ChangePage;
import network.baton.node.store.ResourcePage;
import network.baton.node.store.StoredResource;
import network.baton.vocab.StrictUtf8;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;

/** HTTP for linked data: publish, read (content-negotiated), replace, delete, list, change log. */
public final class ResourceRoutes {

  private static final int DEFAULT_PAGE = 50;
  private static final int MAX_PAGE = 500;
  private static final ProblemHandler PROBLEMS =
      ProblemHandler.create(List.of(new ResourceProblems()));
  private static final Set<ResourceFormat> LINKED_DATA =
      EnumSet.complementOf(EnumSet.of(ResourceFormat.HTML));

  private final ResourceService service;
  private final Handler<RoutingContext> admin;
  private final Handler<RoutingContext> body;
  private final GraphRenderer renderer;

  /** Routes over service; writes pass admin then body (the one size-limited BodyHandler). */
  public ResourceRoutes(
      ResourceService service,
      Handler<RoutingContext> admin,
      Handler<RoutingContext> body,
      GraphRenderer renderer) {
    this.service = service;
    this.admin = admin;
    this.body = body;
    this.renderer = renderer;
  }

  /** Adds the /resources and /changes routes. */
  public void mount(Router router) {
    router.post("/resources").handler(admin).handler(body).handler(this::create);
    router.post("/resources/batch").handler(admin).handler(body).handler(this::batch);
    router.get("/resources").handler(this::list);
    router.get("/resources/:id").handler(this::read);
    router.put("/resources/:id").handler(admin).handler(body).handler(this::replace);
    router.delete("/resources/:id").handler(admin).handler(this::delete);
    router.get("/changes").handler(this::changes);
  }

  private void create(RoutingContext rc) {
    inputLang(rc)
        .compose(lang -> service.create(bodyText(rc), lang))
        .onSuccess(stored -> replyStored(rc, 201, stored))
        .onFailure(rc::fail);
  }

  /**
   * Several resources in one request and one transaction (N-Quads or TriG, one named graph per
   * resource, named by its IRI): 200 with a result per resource, as the single write would have
   * answered it (201/200 and the stored version, or the problem with its status).
   */
  private void batch(RoutingContext rc) {
    boolean replace = "true".equals(rc.queryParams().get("replace"));
    batchLang(rc)
        .compose(lang -> service.writeBatch(bodyText(rc), lang, replace))
        .onSuccess(results -> Json.reply(rc, 200, batchJson(results, rc.request().path())))
        .onFailure(rc::fail);
  }

  private static JsonObject batchJson(List<BatchResult> results, String path) {
    JsonArray items = new JsonArray();
    long stored = 0;
    for (BatchResult result : results) {
      if (result.isStored()) {
        StoredResource s = result.stored();
        stored++;
        items.add(
            new JsonObject()
                .put("iri", s.iri())
                .put("status", s.version() == 1 ? 201 : 200)
                .put("id", s.id())
                .put("version", s.version())
                .put("created", s.created().toString())
                .put("modified", s.modified().toString()));
      } else {
        Problem problem = PROBLEMS.toProblem(result.failure(), 0);
        items.add(problem.toJson(path).put("iri", result.iri()));
      }
    }
    return new JsonObject()
        .put("stored", stored)
        .put("rejected", results.size() - stored)
        .put("results", items);
  }

  private static Future<Lang> batchLang(RoutingContext rc) {
    String header = rc.request().getHeader("Content-Type");
    String type = header == null ? "" : header.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    Lang lang = type.isEmpty() ? null : RDFLanguages.contentTypeToLang(type);
    if (lang == null || !ResourceReader.acceptsBatch(lang)) {
      return Future.failedFuture(
          new Problem(
              "unsupported-media-type",
              415,
              "Unsupported media type",
              "send a batch as application/n-quads or application/trig, one named graph per"
                  + " resource"
                  + (type.isEmpty() ? " (no Content-Type given)" : ", not " + type)));
    }
    return Future.succeededFuture(lang);
  }

  private void replace(RoutingContext rc) {
    String id = rc.pathParam("id");
    inputLang(rc)
        .compose(
            lang ->
                service.replace(
                    id,
                    bodyText(rc),
                    lang,
                    RepresentationTag.ifMatch(rc.request().getHeader("If-Match"))))
        .onSuccess(stored -> replyStored(rc, stored.version() == 1 ? 201 : 200, stored))
        .onFailure(rc::fail);
  }

  private void delete(RoutingContext rc) {
    service
        .delete(rc.pathParam("id"), RepresentationTag.ifMatch(rc.request().getHeader("If-Match")))
        .onSuccess(change -> rc.response().setStatusCode(204).end())
        .onFailure(rc::fail);
  }

  // Text/html is the web pages' resource page, mounted before this route when the node has pages:
  // a request reaching here is answered in a linked-data format, or 406.
  private void read(RoutingContext rc) {
    ResourceFormat format;
    String asked = rc.queryParams().get("format");
    if (asked != null) {
      format =
          ResourceFormat.ofShortName(asked)
              .orElseThrow(
                  () ->
                      Problem.badRequest(
                          "unknown format '" + asked + "'; use jsonld, ttl, nt, rdf or html"));
      if (!LINKED_DATA.contains(format)) {
        throw notAcceptable();
      }
    } else {
      format =
          ResourceFormat.negotiate(rc.parsedHeaders().accept(), LINKED_DATA)
              .orElseThrow(ResourceRoutes::notAcceptable);
    }
    service
        .get(rc.pathParam("id"))
        .onSuccess(
            stored -> {
              String etag = new RepresentationTag(stored.version(), format).header();
              rc.response().putHeader("ETag", etag).putHeader("Vary", "Accept");
              if (EntityTags.weakMatch(rc.request().getHeader("If-None-Match"), etag)) {
                rc.response().setStatusCode(304).end();
                return;
              }
              String text = renderer.render(stored.graph(), format);
              String type =
                  format.mediaType() + (format == ResourceFormat.NTRIPLES ? "" : "; charset=utf-8");
              if (format == ResourceFormat.JSONLD) {
                rc.response().putHeader("Link", ContextRoutes.LINK);
              }
              rc.response()
                  .putHeader("Content-Type", type)
                  .putHeader("Last-Modified", HttpDates.format(stored.modified()))
                  .end(text);
            })
        .onFailure(rc::fail);
  }

  private static Problem notAcceptable() {
    return new Problem(
        "not-acceptable",
        406,
        "Not acceptable",
        "resources are served as application/ld+json, text/turtle,"
            + " application/n-triples, application/rdf+xml or text/html");
  }

  private void list(RoutingContext rc) {
    int limit = intParam(rc, "limit", DEFAULT_PAGE, 1, MAX_PAGE);
    String cursor = rc.queryParams().get("cursor");
    String after = cursor == null || cursor.isEmpty() ? null : decodeCursor(cursor);
    service
        .list(limit, after)
        .onSuccess(page -> Json.reply(rc, 200, pageJson(page, limit)))
        .onFailure(rc::fail);
  }

  /** The change log after a sequence number or, given an xsd:dateTime, after that instant. */
  private void changes(RoutingContext rc) {
    String text = rc.queryParams().get("since");
    int limit = intParam(rc, "limit", 100, 1, 1000);
    boolean instant = text != null && text.contains("T");
    (instant
            ? service.changesAfter(instant(text), limit)
            : service.changes(longParam(rc, "since", 0), limit))
        .onSuccess(page -> Json.reply(rc, 200, changesJson(page, limit)))
        .onFailure(rc::fail);
  }

  private static JsonObject pageJson(ResourcePage page, int limit) {
    JsonArray items = new JsonArray();
    page.items()
        .forEach(
            s ->
                items.add(
                    new JsonObject()
                        .put("id", s.id())
                        .put("iri", s.iri())
                        .put("modified", s.modified().toString())
                        .put("version", s.version())));
    JsonObject json = new JsonObject().put("total", page.total()).put("items", items);
    if (page.nextCursor() != null) {
      String cursor = encodeCursor(page.nextCursor());
      json.put("cursor", cursor).put("next", "/resources?limit=" + limit + "&cursor=" + cursor);
    }
    return json;
  }

  private static JsonObject changesJson(ChangePage page, int limit) {
    JsonArray changes = new JsonArray();
    page.changes()
        .forEach(
            c ->
                changes.add(
                    new JsonObject()
                        .put("sequence", c.sequence())
                        .put("iri", c.iri())
                        .put("action", c.action().word())
                        .put("at", c.at().toString())));
    return new JsonObject()
        .put("since", page.since())
        .put("latest", page.latest())
        .put("hasMore", page.hasMore())
        .put("next", "/changes?since=" + page.next() + "&limit=" + limit)
        .put("changes", changes);
  }

  // A POST's 201 carries the validator of the new resource's default representation (JSON-LD,
  // RFC 9110 15.3.2); a PUT's answer none, since the node stores the graph, not the bytes sent
  // (RFC 9110 9.3.4): a client takes the ETag of the format it reads from a GET.
  private static void replyStored(RoutingContext rc, int status, StoredResource stored) {
    if (rc.request().method() == HttpMethod.POST) {
      rc.response()
          .putHeader(
              "ETag", new RepresentationTag(stored.version(), ResourceFormat.JSONLD).header());
    }
    if (status == 201) {
      rc.response().putHeader("Location", stored.iri());
    }
    Json.reply(
        rc,
        status,
        new JsonObject()
            .put("id", stored.id())
            .put("iri", stored.iri())
            .put("version", stored.version())
            .put("created", stored.created().toString())
            .put("modified", stored.modified().toString()));
  }

  private static Future<Lang> inputLang(RoutingContext rc) {
    String header = rc.request().getHeader("Content-Type");
    String type = header == null ? "" : header.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    Lang lang =
        switch (type) {
          case "application/json" -> Lang.JSONLD;
          case "" -> null;
          default -> RDFLanguages.contentTypeToLang(type);
        };
    if (lang == null || !ResourceReader.accepts(lang)) {
      return Future.failedFuture(
          new Problem(
              "unsupported-media-type",
              415,
              "Unsupported media type",
              "send text/turtle, application/ld+json or application/n-triples"
                  + (type.isEmpty() ? " (no Content-Type given)" : ", not " + type)));
    }
    return Future.succeededFuture(lang);
  }

  // Strict: a body that is not UTF-8 is refused naming the byte, not stored with U+FFFD in it.
  private static String bodyText(RoutingContext rc) {
    return rc.body().buffer() == null ? "" : StrictUtf8.decode(rc.body().buffer().getBytes());
  }

  static int intParam(RoutingContext rc, String name, int fallback, int min, int max) {
    long value = longParam(rc, name, fallback);
    if (value < min || value > max) {
      throw Problem.badRequest(name + " must be between " + min + " and " + max + ": " + value);
    }
    return (int) value;
  }

  static long longParam(RoutingContext rc, String name, long fallback) {
    String text = rc.queryParams().get(name);
    if (text == null || text.isEmpty()) {
      return fallback;
    }
    try {
      long value = Long.parseLong(text);
      if (value < 0) {
        throw Problem.badRequest(name + " must not be negative: " + text);
      }
      return value;
    } catch (NumberFormatException e) {
      throw Problem.badRequest(name + " must be a whole number: " + text);
    }
  }

  private static Instant instant(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw Problem.badRequest(
          "since must be a sequence number or an xsd:dateTime with a time zone"
              + " (2026-04-01T09:00:00Z): "
              + text);
    }
  }

  private static String encodeCursor(String id) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(id.getBytes(StandardCharsets.UTF_8));
  }

  private static String decodeCursor(String cursor) {
    try {
      return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw Problem.badRequest("cursor is not one this node handed out: " + cursor);
    }
  }
}
