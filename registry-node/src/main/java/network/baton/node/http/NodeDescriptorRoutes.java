package network.baton.node.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import network.baton.node.config.NodeConfig;
import network.baton.node.store.ResourceService;

/** GET /.well-known/baton-node: who this node is, where its endpoints are, what it covers. */
public final class NodeDescriptorRoutes {

  /** The descriptor's path. */
  public static final String PATH = "/.well-known/baton-node";

  private final NodeConfig config;
  private final ResourceService service;
  private final Function<String, Set<String>> broaderSkills;

  /**
   * A descriptor for the node configured by config; broaderSkills gives every broader skill of a
   * skill (so a resource on MFG-COAT counts for MFG too).
   */
  public NodeDescriptorRoutes(
      NodeConfig config, ResourceService service, Function<String, Set<String>> broaderSkills) {
    this.config = config;
    this.service = service;
    this.broaderSkills = broaderSkills;
  }

  /** Adds the descriptor route. */
  public void mount(Router router) {
    router.get(PATH).handler(this::describe);
  }

  private void describe(RoutingContext rc) {
    Future.all(service.count(), service.skillsByResource())
        .onSuccess(
            all -> {
              long count = all.resultAt(0);
              Map<String, Set<String>> skills = all.resultAt(1);
              Json.reply(rc, 200, "application/ld+json", descriptor(count, coverage(skills)));
            })
        .onFailure(rc::fail);
  }

  /**
   * Resources per skill, narrower skills counted towards their broader ones (each resource once).
   */
  Map<String, Long> coverage(Map<String, Set<String>> skillsByResource) {
    Map<String, Long> counts = new TreeMap<>();
    for (Set<String> skills : skillsByResource.values()) {
      Set<String> covered = new HashSet<>(skills);
      skills.forEach(skill -> covered.addAll(broaderSkills.apply(skill)));
      covered.forEach(skill -> counts.merge(skill, 1L, Long::sum));
    }
    return counts;
  }

  /**
   * The descriptor document: JSON-LD 1.1 with an inline context over DCAT, VoID and schema.org;
   * "endpoints" is an @nest block, so its URLs are properties of the node itself.
   */
  JsonObject descriptor(long count, Map<String, Long> skills) {
    String base = config.baseUrl().toString();
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
            .put("name", config.name())
            .put("institution", config.institution())
            .put("languages", new JsonArray(config.languages()))
            .put(
                "endpoints",
                new JsonObject()
                    .put("resources", base + "/resources")
                    .put("sparql", base + "/sparql")
                    .put("search", base + "/search")
                    .put("changes", base + "/changes"))
            .put("resourceCount", count)
            .put("skills", skillArray);
    if (config.did() != null) {
      json.put("did", config.did());
    }
    return json;
  }
}
