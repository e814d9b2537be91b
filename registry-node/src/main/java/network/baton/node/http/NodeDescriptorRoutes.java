package network.baton.node.http;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import network.baton.node.config.NodeConfig;
import network.baton.node.store.ResourceStore;
import network.baton.node.store.SkillCoverage;

/**
 * GET (and HEAD) /.well-known/baton-node: who this node is, where its endpoints are, what it
 * covers. Public and fetched by every coordinator, so it costs no store read: the coverage comes
 * from memory ({@link SkillCoverage}, current on every commit) and the document is encoded once per
 * change, then served as the same bytes with a strong ETag; {@code If-None-Match} with it answers
 * 304. {@code Cache-Control: no-cache}: a cache may keep the document but asks again (cheaply, with
 * the ETag) before using it, since any write can change it.
 */
public final class NodeDescriptorRoutes implements NodeDescriptor {

  /** The descriptor's path. */
  public static final String PATH = "/.well-known/baton-node";

  private static final String MEDIA_TYPE = "application/ld+json; charset=utf-8";
  private static final String CACHE_CONTROL = "no-cache";

  /** The document for one snapshot of the coverage, encoded, with its ETag. */
  private record Encoded(
      SkillCoverage.Snapshot coverage, Buffer body, String length, String etag) {}

  private final NodeConfig config;
  private final Supplier<Future<SkillCoverage.Snapshot>> coverage;
  private volatile Encoded current;

  private NodeDescriptorRoutes(
      NodeConfig config, Supplier<Future<SkillCoverage.Snapshot>> coverage) {
    this.config = config;
    this.coverage = coverage;
  }

  /** A descriptor for the node configured by config, its coverage followed in memory. */
  public NodeDescriptorRoutes(NodeConfig config, SkillCoverage coverage) {
    this(config, () -> Future.succeededFuture(coverage.snapshot()));
  }

  /**
   * A descriptor over a store that reports no commits (not the text-indexed store): each request
   * computes the coverage over the whole store on pool; broaderSkills gives every broader skill of
   * a skill (so a resource on MFG-COAT counts for MFG too).
   */
  public static NodeDescriptorRoutes scanning(
      NodeConfig config,
      ResourceStore store,
      Function<String, Set<String>> broaderSkills,
      WorkerExecutor pool) {
    return new NodeDescriptorRoutes(
        config, () -> pool.executeBlocking(() -> SkillCoverage.scan(store, broaderSkills), false));
  }

  @Override
  public Future<JsonObject> document() {
    return coverage.get().map(snapshot -> document(config, snapshot));
  }

  /** Adds the descriptor route (GET and HEAD). */
  public void mount(Router router) {
    router.route(PATH).method(HttpMethod.GET).method(HttpMethod.HEAD).handler(this::describe);
  }

  private void describe(RoutingContext rc) {
    Future<SkillCoverage.Snapshot> snapshot = coverage.get();
    if (snapshot.succeeded()) {
      // From memory: answered on the event loop, no executor hop.
      answer(rc, snapshot.result());
    } else {
      snapshot.onSuccess(s -> answer(rc, s)).onFailure(rc::fail);
    }
  }

  private void answer(RoutingContext rc, SkillCoverage.Snapshot snapshot) {
    Encoded encoded = encoded(snapshot);
    var response =
        rc.response().putHeader("ETag", encoded.etag()).putHeader("Cache-Control", CACHE_CONTROL);
    if (EntityTags.weakMatch(rc.request().getHeader("If-None-Match"), encoded.etag())) {
      response.setStatusCode(304).end();
    } else {
      response
          .setStatusCode(200)
          .putHeader("Content-Type", MEDIA_TYPE)
          .putHeader("Content-Length", encoded.length());
      if (rc.request().method() == HttpMethod.HEAD) {
        // The headers of the GET answer (its length too: Vert.x sets none itself for HEAD).
        response.end();
      } else {
        response.end(encoded.body());
      }
    }
  }

  /**
   * The encoded document for this coverage: the one already made unless the coverage changed since
   * (two event loops may both make it after a change, which is harmless).
   */
  private Encoded encoded(SkillCoverage.Snapshot snapshot) {
    Encoded last = current;
    if (last != null && (last.coverage() == snapshot || last.coverage().equals(snapshot))) {
      return last;
    }
    byte[] bytes = document(config, snapshot).encodePrettily().getBytes(StandardCharsets.UTF_8);
    Encoded made =
        new Encoded(
            snapshot, Buffer.buffer(bytes), Integer.toString(bytes.length), EntityTags.of(bytes));
    current = made;
    return made;
  }

  /**
   * The descriptor document of the node configured by config with this coverage: JSON-LD 1.1 with
   * an inline context over DCAT, VoID and schema.org; "endpoints" is an @nest block, so its URLs
   * are properties of the node itself.
   */
  public static JsonObject document(NodeConfig config, SkillCoverage.Snapshot coverage) {
    long count = coverage.resourceCount();
    Map<String, Long> skills = coverage.skills();
    String base = config.server().baseUrl().toString();
    JsonObject context =
        new JsonObject()
            .put("@version", 1.1)
            .put("schema", "http://schema.org/")
            .put("dcat", "http://www.w3.org/ns/dcat#")
            .put("void", "http://rdfs.org/ns/void#")
            .put("baton", "https://w3id.org/baton/ns#")
            .put("id", "@id")
            .put("type", "@type")
            .put("name", "schema:name")
            .put("institution", "schema:provider")
            .put("did", new JsonObject().put("@id", "schema:identifier"))
            .put("languages", "schema:inLanguage")
            .put("endpoints", "@nest")
            .put("resources", new JsonObject().put("@id", "dcat:endpointURL").put("@type", "@id"))
            .put("sparql", new JsonObject().put("@id", "void:sparqlEndpoint").put("@type", "@id"))
            .put("search", new JsonObject().put("@id", "baton:searchEndpoint").put("@type", "@id"))
            .put(
                "changes", new JsonObject().put("@id", "baton:changesEndpoint").put("@type", "@id"))
            .put("resourceCount", "void:entities")
            .put("skills", "baton:skillCoverage")
            .put("SkillCoverage", "baton:SkillCoverage")
            .put("skill", new JsonObject().put("@id", "baton:skill").put("@type", "@id"))
            .put(
                "count",
                new JsonObject()
                    .put("@id", "baton:resourceCount")
                    .put("@type", "http://www.w3.org/2001/XMLSchema#nonNegativeInteger"));
    JsonArray skillArray = new JsonArray();
    skills.forEach(
        (skill, n) ->
            skillArray.add(
                new JsonObject().put("type", "SkillCoverage").put("skill", skill).put("count", n)));
    JsonObject json =
        new JsonObject()
            .put("@context", context)
            .put("id", base)
            .put("type", new JsonArray().add("dcat:DataService").add("void:Dataset"))
            .put("name", config.identity().name())
            .put("institution", config.identity().institution())
            .put("languages", new JsonArray(config.identity().languages()))
            .put(
                "endpoints",
                new JsonObject()
                    .put("resources", base + "/resources")
                    .put("sparql", base + "/sparql")
                    .put("search", base + "/search")
                    .put("changes", base + "/changes"))
            .put("resourceCount", count)
            .put("skills", skillArray);
    if (config.identity().did() != null) {
      json.put("did", config.identity().did());
    }
    return json;
  }
}
