package network.baton.node.search;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import network.baton.node.store.CommitListener;
import network.baton.node.store.NodeDataset;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The facts search filters, counts and shows, for every resource of the node, held in memory so
 * that a search touches neither TDB2 nor stored fields per hit. Loaded from the store once, then
 * kept current by listening to commits: the changed graphs are read inside each write transaction
 * and applied once it has committed, in commit order.
 */
final class ResourceCatalog implements CommitListener, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ResourceCatalog.class);

  private static final List<Node> PREDICATES =
      List.of(
          SearchTerms.TYPE,
          SearchTerms.NAME,
          SearchTerms.DESCRIPTION,
          SearchTerms.TEACHES,
          SearchTerms.EDUCATIONAL_LEVEL,
          SearchTerms.LICENSE,
          SearchTerms.IN_LANGUAGE);

  /**
   * A resource's facts with its facet values worked out once (skill areas, levels, type names,
   * languages, licences, in {@link Facet} order); null facts mark a deleted resource.
   */
  record Entry(ResourceFacts facts, String[][] facetValues, long sequence) {}

  /** The facets, in the order of {@link Entry#facetValues()}. */
  enum Facet {
    SKILL_AREA,
    LEVEL,
    TYPE,
    LANGUAGE,
    LICENSE
  }

  private final NodeDataset store;
  private final SkillHierarchy skills;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong();

  private ResourceCatalog(NodeDataset store, SkillHierarchy skills) {
    this.store = store;
    this.skills = skills;
  }

  /** Loads the catalog of {@code store} and starts following its commits. */
  static ResourceCatalog open(NodeDataset store, SkillHierarchy skills) {
    ResourceCatalog catalog = new ResourceCatalog(store, skills);
    // Listen first: a commit during the load then lands after it (newer sequence) instead of being
    // lost.
    store.addCommitListener(catalog);
    catalog.load();
    return catalog;
  }

  /** The resource stored as graph {@code iri}, or null. */
  Entry get(String iri) {
    Entry entry = entries.get(iri);
    return entry == null || entry.facts() == null ? null : entry;
  }

  /**
   * Applies {@code action} to every resource (deleted ones left out), without copying the catalog.
   */
  void forEach(Consumer<Entry> action) {
    for (Entry entry : entries.values()) {
      if (entry.facts() != null) {
        action.accept(entry);
      }
    }
  }

  /** Number of resources. */
  int size() {
    return (int) entries.values().stream().filter(e -> e.facts() != null).count();
  }

  @Override
  public Runnable beforeCommit(Set<Node> changedGraphs) {
    long seq = sequence.incrementAndGet();
    DatasetGraph dsg = store.datasetGraph();
    Map<String, ResourceFacts> fresh = new HashMap<>();
    for (Node g : changedGraphs) {
      if (g.isURI()) {
        fresh.put(g.getURI(), ResourceFacts.read(dsg, g.getURI()));
      }
    }
    return () -> fresh.forEach((iri, facts) -> apply(iri, facts, seq));
  }

  @Override
  public void close() {
    store.removeCommitListener(this);
  }

  private void load() {
    long started = System.nanoTime();
    DatasetGraph dsg = store.datasetGraph();
    Map<String, ResourceFacts.Builder> builders = new HashMap<>();
    Txn.executeRead(
        dsg,
        () -> {
          for (Node predicate : PREDICATES) {
            Iterator<Quad> quads = dsg.find(Node.ANY, Node.ANY, predicate, Node.ANY);
            while (quads.hasNext()) {
              Quad quad = quads.next();
              Node g = quad.getGraph();
              if (g.isURI() && g.equals(quad.getSubject())) {
                builders
                    .computeIfAbsent(g.getURI(), ResourceFacts.Builder::new)
                    .accept(predicate, quad.getObject());
              }
            }
          }
        });
    builders.forEach(
        (iri, builder) -> {
          ResourceFacts facts = builder.build();
          if (facts != null) {
            entries.putIfAbsent(iri, entry(facts, 0));
          }
        });
    log.info(
        "search catalog loaded [resources: {}, ms: {}]",
        size(),
        (System.nanoTime() - started) / 1_000_000);
  }

  private void apply(String iri, ResourceFacts facts, long seq) {
    entries.compute(iri, (k, old) -> old != null && old.sequence() > seq ? old : entry(facts, seq));
  }

  private Entry entry(ResourceFacts facts, long seq) {
    if (facts == null) {
      return new Entry(null, new String[0][], seq);
    }
    Set<String> areas = new HashSet<>();
    facts.skills().forEach(s -> areas.addAll(skills.areasOf(s)));
    Set<String> types = new HashSet<>();
    facts.types().forEach(t -> types.add(SearchTerms.shortType(t)));
    String[][] values = {
      areas.toArray(String[]::new),
      facts.levels().toArray(String[]::new),
      types.toArray(String[]::new),
      facts.languages().toArray(String[]::new),
      facts.licenses().toArray(String[]::new)
    };
    return new Entry(facts, values, seq);
  }
}
