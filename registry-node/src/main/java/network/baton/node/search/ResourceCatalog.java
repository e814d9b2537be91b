package network.baton.node.search;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import network.baton.node.store.CommitFollower;
import network.baton.node.store.NodeDataset;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The facts search filters, counts and shows, for every resource of the node, held in memory so
 * that a search touches neither TDB2 nor stored fields per hit. Loaded from the store once, then
 * kept current by listening to commits: the changed graphs are read inside each write transaction
 * and applied once it has committed, in commit order.
 */
final class ResourceCatalog extends CommitFollower {

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
   * languages, licences), each distinct value of each facet once, as numbers from {@link
   * #facetValue(int)}, so that a search counts them in an array; null facts mark a deleted
   * resource.
   */
  record Entry(ResourceFacts facts, int[] facetIds, long sequence) {}

  /** The facets search counts. */
  enum Facet {
    SKILL_AREA,
    LEVEL,
    TYPE,
    LANGUAGE,
    LICENSE
  }

  /** One value of one facet, numbered by the catalog in the order first seen. */
  record FacetValue(Facet facet, String value) {}

  /**
   * The place of one IRI in the catalog: made once per IRI and kept (also after a delete), so that
   * search can map the text index's per-segment resource numbers to slots once per segment instead
   * of looking every match up by IRI string; its entry is replaced on each commit. A slot is made
   * for any IRI the text index names, also one that is not (yet) a resource: text about it that
   * stays in an old segment is then found as soon as a commit makes it a resource.
   */
  static final class Slot {
    private final int id;
    private volatile Entry entry;

    private Slot(int id) {
      this.id = id;
    }

    /** Dense number of this slot, below {@link #slotCount()}. */
    int id() {
      return id;
    }

    /** The resource now in this slot, or null when there is none (never was, or deleted). */
    Entry entry() {
      Entry e = entry;
      return e == null || e.facts() == null ? null : e;
    }
  }

  private final SkillHierarchy skills;
  private final Map<String, Slot> slots = new ConcurrentHashMap<>();
  private final AtomicInteger slotIds = new AtomicInteger();
  // Facet value numbers only grow: a number, once given, names the same value for good.
  private final Map<FacetValue, Integer> facetIds = new ConcurrentHashMap<>();
  private final List<FacetValue> facetValues = new CopyOnWriteArrayList<>();

  private ResourceCatalog(NodeDataset store, SkillHierarchy skills) {
    super(store);
    this.skills = skills;
  }

  /** Loads the catalog of {@code store} and starts following its commits. */
  static ResourceCatalog open(NodeDataset store, SkillHierarchy skills) {
    ResourceCatalog catalog = new ResourceCatalog(store, skills);
    catalog.startFollowing();
    return catalog;
  }

  /** The resource stored as graph {@code iri}, or null. */
  Entry get(String iri) {
    Slot slot = slots.get(iri);
    return slot == null ? null : slot.entry();
  }

  /** The slot of {@code iri}, made (empty) if it has none yet. */
  Slot slot(String iri) {
    return slots.computeIfAbsent(iri, k -> new Slot(slotIds.getAndIncrement()));
  }

  /** One more than the highest facet value number given out so far. */
  int facetValueCount() {
    return facetValues.size();
  }

  /** The facet value numbered {@code id}. */
  FacetValue facetValue(int id) {
    return facetValues.get(id);
  }

  /** One more than the highest slot id given out so far. */
  int slotCount() {
    return slotIds.get();
  }

  /**
   * Applies {@code action} to every resource (deleted ones left out), without copying the catalog.
   */
  void forEach(Consumer<Entry> action) {
    for (Slot slot : slots.values()) {
      Entry entry = slot.entry();
      if (entry != null) {
        action.accept(entry);
      }
    }
  }

  /** Number of resources. */
  int size() {
    return (int) slots.values().stream().filter(s -> s.entry() != null).count();
  }

  @Override
  public Runnable beforeCommit(Set<Node> changedGraphs) {
    long seq = nextSequence();
    DatasetGraph dsg = store().datasetGraph();
    Map<String, ResourceFacts> fresh = new HashMap<>();
    for (Node g : changedGraphs) {
      if (g.isURI()) {
        fresh.put(g.getURI(), ResourceFacts.read(dsg, g.getURI()));
      }
    }
    return () -> fresh.forEach((iri, facts) -> apply(iri, facts, seq));
  }

  @Override
  protected void load() {
    long started = System.nanoTime();
    DatasetGraph dsg = store().datasetGraph();
    Map<String, ResourceFacts.Builder> builders = new HashMap<>();
    Txn.executeRead(
        dsg,
        () ->
            store()
                .forEachOwnStatement(
                    PREDICATES,
                    quad ->
                        builders
                            .computeIfAbsent(quad.getGraph().getURI(), ResourceFacts.Builder::new)
                            .accept(quad.getPredicate(), quad.getObject())));
    builders.forEach(
        (iri, builder) -> {
          ResourceFacts facts = builder.build();
          if (facts != null) {
            Slot slot = slot(iri);
            synchronized (slot) {
              if (slot.entry == null) {
                slot.entry = entry(facts, 0);
              }
            }
          }
        });
    log.info(
        "search catalog loaded [resources: {}, ms: {}]",
        size(),
        (System.nanoTime() - started) / 1_000_000);
  }

  private void apply(String iri, ResourceFacts facts, long seq) {
    Slot slot = slot(iri);
    synchronized (slot) {
      Entry old = slot.entry;
      if (old == null || old.sequence() <= seq) {
        slot.entry = entry(facts, seq);
      }
    }
  }

  private Entry entry(ResourceFacts facts, long seq) {
    if (facts == null) {
      return new Entry(null, new int[0], seq);
    }
    Set<String> areas = new HashSet<>();
    facts.skills().forEach(s -> areas.addAll(skills.areasOf(s)));
    Set<String> types = new HashSet<>();
    facts.types().forEach(t -> types.add(SearchTerms.shortType(t)));
    List<FacetValue> values = new java.util.ArrayList<>();
    areas.forEach(v -> values.add(new FacetValue(Facet.SKILL_AREA, v)));
    facts.levels().forEach(v -> values.add(new FacetValue(Facet.LEVEL, v)));
    types.forEach(v -> values.add(new FacetValue(Facet.TYPE, v)));
    facts.languages().forEach(v -> values.add(new FacetValue(Facet.LANGUAGE, v)));
    facts.licenses().forEach(v -> values.add(new FacetValue(Facet.LICENSE, v)));
    return new Entry(facts, values.stream().mapToInt(this::facetId).toArray(), seq);
  }

  private int facetId(FacetValue value) {
    Integer id = facetIds.get(value);
    return id != null ? id : newFacetId(value);
  }

  private synchronized int newFacetId(FacetValue value) {
    // Checked again under the lock: another commit may have numbered it meanwhile.
    return facetIds.computeIfAbsent(
        value,
        v -> {
          facetValues.add(v);
          return facetValues.size() - 1;
        });
  }
}
