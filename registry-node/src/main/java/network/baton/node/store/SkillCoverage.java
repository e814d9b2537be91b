package network.baton.node.store;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a node covers, held in memory so that its public descriptor never scans the store: the
 * number of live resources and, per skill, how many resources teach or assess it (a narrower skill
 * counted towards each broader one, each resource once per skill). Loaded from the store once, then
 * kept current by listening to commits: the changed graphs are read inside each write transaction
 * and applied once it has committed; a write that rolls back changes nothing.
 */
public final class SkillCoverage extends CommitFollower {

  private static final Logger log = LoggerFactory.getLogger(SkillCoverage.class);

  private static final List<Node> ALIGNMENTS =
      List.of(
          NodeFactory.createURI("http://schema.org/teaches"),
          NodeFactory.createURI("http://schema.org/assesses"));

  /**
   * The coverage at one moment: live resources and resources per skill (a sorted map, skills in IRI
   * order).
   */
  public record Snapshot(long resourceCount, Map<String, Long> skills) {
    public Snapshot {
      if (resourceCount < 0) {
        throw new IllegalArgumentException("resource count must not be negative: " + resourceCount);
      }
      skills = Collections.unmodifiableSortedMap(new TreeMap<>(skills));
    }
  }

  /** One resource's covered skills, as the commit with this sequence number left them. */
  private record Entry(long sequence, Set<String> covered) {}

  private final Function<String, Set<String>> broader;
  // Guarded by this. Entries stay after a delete (with nothing covered), so that an older commit
  // applied late cannot bring a deleted resource back.
  private final Map<String, Entry> resources = new HashMap<>();
  private final Map<String, Long> counts = new HashMap<>();
  private long resourceCount;
  private long countSequence = -1;
  private volatile Snapshot snapshot = new Snapshot(0, Map.of());

  private SkillCoverage(NodeDataset store, Function<String, Set<String>> broader) {
    super(store);
    this.broader = broader;
  }

  /**
   * Loads the coverage of {@code store} and starts following its commits; {@code broader} gives
   * every broader skill of a skill (empty for a top concept or an unknown skill).
   */
  public static SkillCoverage follow(NodeDataset store, Function<String, Set<String>> broader) {
    SkillCoverage coverage = new SkillCoverage(store, requireNonNull(broader, "broader"));
    coverage.startFollowing();
    return coverage;
  }

  /**
   * The coverage computed from scratch over the whole store (a SPARQL query over every graph): what
   * {@link #follow} keeps current, for stores that report no commits and to check against.
   */
  public static Snapshot scan(ResourceStore store, Function<String, Set<String>> broader) {
    return of(store.count(), store.skillsByResource(), broader);
  }

  /**
   * The coverage of resources with these skills each (before adding broader ones), {@code count} of
   * them live.
   */
  public static Snapshot of(
      long count,
      Map<String, ? extends Set<String>> skillsByResource,
      Function<String, Set<String>> broader) {
    Map<String, Long> counts = new HashMap<>();
    for (Set<String> skills : skillsByResource.values()) {
      covered(skills, broader).forEach(skill -> counts.merge(skill, 1L, Long::sum));
    }
    return new Snapshot(count, counts);
  }

  /** The current coverage (as of the last commit applied); costs nothing. */
  public Snapshot snapshot() {
    return snapshot;
  }

  @Override
  public Runnable beforeCommit(Set<Node> changedGraphs) {
    long seq = nextSequence();
    DatasetGraph dsg = store().datasetGraph();
    Map<String, Set<String>> fresh = new HashMap<>();
    for (Node g : changedGraphs) {
      if (g.isURI() && !Quad.isDefaultGraph(g)) {
        fresh.put(g.getURI(), covered(skillsOf(dsg, g), broader));
      }
    }
    long count = new SystemGraph(store().systemGraph()).liveCount();
    return () -> apply(fresh, count, seq);
  }

  @Override
  protected void load() {
    long started = System.nanoTime();
    DatasetGraph dsg = store().datasetGraph();
    Map<String, Set<String>> skills = new HashMap<>();
    long count =
        Txn.calculateRead(
            dsg,
            () -> {
              store()
                  .forEachOwnStatement(
                      ALIGNMENTS,
                      quad -> {
                        if (!Quad.isDefaultGraph(quad.getGraph()) && quad.getObject().isURI()) {
                          skills
                              .computeIfAbsent(quad.getGraph().getURI(), k -> new HashSet<>())
                              .add(quad.getObject().getURI());
                        }
                      });
              return new SystemGraph(store().systemGraph()).liveCount();
            });
    synchronized (this) {
      skills.forEach(
          (iri, taught) -> {
            if (!resources.containsKey(iri)) {
              put(iri, new Entry(0, covered(taught, broader)));
            }
          });
      if (countSequence < 0) {
        resourceCount = count;
        countSequence = 0;
      }
      publish();
    }
    log.info(
        "skill coverage loaded [resources: {}, aligned: {}, skills: {}, ms: {}]",
        snapshot.resourceCount(),
        skills.size(),
        snapshot.skills().size(),
        (System.nanoTime() - started) / 1_000_000);
  }

  private synchronized void apply(Map<String, Set<String>> fresh, long count, long seq) {
    fresh.forEach(
        (iri, covered) -> {
          Entry old = resources.get(iri);
          if (old == null || old.sequence() < seq) {
            put(iri, new Entry(seq, covered));
          }
        });
    if (seq > countSequence) {
      resourceCount = count;
      countSequence = seq;
    }
    publish();
  }

  /** Puts a resource's entry, moving the counts from what it covered to what it covers now. */
  private void put(String iri, Entry entry) {
    Entry old = resources.put(iri, entry);
    if (old != null) {
      old.covered()
          .forEach(skill -> counts.computeIfPresent(skill, (k, n) -> n > 1 ? n - 1 : null));
    }
    entry.covered().forEach(skill -> counts.merge(skill, 1L, Long::sum));
  }

  private void publish() {
    snapshot = new Snapshot(resourceCount, counts);
  }

  /** The skills graph g's resource teaches or assesses (call inside a transaction). */
  private static Set<String> skillsOf(DatasetGraph dsg, Node g) {
    Set<String> skills = new HashSet<>();
    for (Node predicate : ALIGNMENTS) {
      Iterator<Quad> quads = dsg.find(g, g, predicate, Node.ANY);
      while (quads.hasNext()) {
        Node skill = quads.next().getObject();
        if (skill.isURI()) {
          skills.add(skill.getURI());
        }
      }
    }
    return skills;
  }

  /** The skills and every broader skill of each. */
  private static Set<String> covered(Set<String> skills, Function<String, Set<String>> broader) {
    if (skills.isEmpty()) {
      return Set.of();
    }
    Set<String> covered = new HashSet<>(skills);
    skills.forEach(skill -> covered.addAll(broader.apply(skill)));
    return Set.copyOf(covered);
  }
}
