package network.baton.node.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.DCTerms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's resources in a transactional dataset (TDB2 by default): one named graph per resource,
 * provenance inside it, versions, tombstones and the change log in the default graph. Blocking:
 * call it from a worker thread, never from the event loop. Every write is one write transaction, so
 * a crash never leaves half a resource visible. Over 400 lines: every transaction on the resource
 * graphs and the change log is here, so that minting, versions and tombstones have one write path.
 */
public final class ResourceStore implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ResourceStore.class);
  private static final Node WAS_ATTRIBUTED_TO =
      NodeFactory.createURI("http://www.w3.org/ns/prov#wasAttributedTo");
  private static final int MINT_ATTEMPTS = 20;
  private static final Node SCHEMA_NAME = NodeFactory.createURI("http://schema.org/name");

  /** The end of the message refusing to create a resource whose IRI is live already. */
  public static final String ALREADY_EXISTS = " already exists; use PUT to change it";

  private static final Query SKILLS_BY_RESOURCE =
      QueryFactory.create(
          "SELECT DISTINCT ?g ?skill WHERE { GRAPH ?g { ?g <http://schema.org/teaches>"
              + "|<http://schema.org/assesses> ?skill } }");

  private final Dataset dataset;
  private final OpenDataset opened;
  private final AutoCloseable closer;
  private final ResourceIds ids;
  private final Node attribution;
  private final Clock clock;

  /** A store over an open dataset; the store closes it on {@link #close()}. */
  public ResourceStore(OpenDataset opened, ResourceIds ids, String attribution, Clock clock) {
    this.opened = opened;
    this.dataset = opened.dataset();
    this.closer = opened.closer();
    this.ids = ids;
    this.attribution = NodeFactory.createURI(attribution);
    this.clock = clock;
  }

  /** Opens (or creates) the TDB2 store in a folder. */
  public static ResourceStore openTdb2(Path folder, ResourceIds ids, String attribution) {
    return openTdb2(folder, ids, attribution, Clock.systemUTC());
  }

  /** As {@link #openTdb2(Path, ResourceIds, String)}, stamping changes with this clock. */
  public static ResourceStore openTdb2(
      Path folder, ResourceIds ids, String attribution, Clock clock) {
    log.info("opening TDB2 store [folder: {}]", folder);
    Dataset dataset = TDB2Factory.connectDataset(folder.toString());
    return new ResourceStore(
        new OpenDataset(dataset, () -> TDBInternal.expel(dataset.asDatasetGraph())),
        ids,
        attribution,
        clock);
  }

  /** The node's id scheme. */
  public ResourceIds ids() {
    return ids;
  }

  /** Stores a new resource under the id it asked for (if free) or a freshly minted one. */
  public StoredResource create(ResourceDraft draft) {
    return inWrite(sys -> createIn(sys, draft, null));
  }

  /**
   * Replaces (or creates) the resource with this id; ifMatch, when given (not null), must accept
   * its current version, and a resource that does not exist accepts none.
   */
  public StoredResource replace(String id, ResourceDraft draft, VersionMatch ifMatch) {
    checkReplaceable(id, draft);
    return inWrite(sys -> replaceIn(sys, id, draft, ifMatch, null));
  }

  /**
   * Writes the drafts in order in one write transaction, each as {@link #create} (or, with replace,
   * as {@link #replace} at its own id) would; a draft the store refuses is left out with its reason
   * and the others still commit together. All or none of the stored ones survive a crash.
   */
  public List<BatchOutcome> writeAll(List<ResourceDraft> drafts, boolean replace) {
    return inWrite(
        sys -> {
          NewGraphWriter fresh = opened.text().map(NodeDataset::newGraphWriter).orElse(null);
          List<BatchOutcome> outcomes = new ArrayList<>(drafts.size());
          try {
            for (ResourceDraft draft : drafts) {
              // Every refusal is thrown before the draft writes anything, so catching it here
              // keeps the transaction clean (Txn would abort all of it if the exception escaped).
              try {
                outcomes.add(
                    BatchOutcome.stored(
                        draft,
                        replace ? replaceOne(sys, draft, fresh) : createIn(sys, draft, fresh)));
              } catch (StoreException e) {
                outcomes.add(BatchOutcome.refused(draft, e));
              }
            }
          } catch (RuntimeException e) {
            // The helper thread must be done before the transaction (and the index) rolls back.
            finishQuietly(fresh, e);
            throw e;
          }
          if (fresh != null) {
            fresh.finish();
          }
          return outcomes;
        });
  }

  private static void finishQuietly(NewGraphWriter fresh, RuntimeException cause) {
    if (fresh == null) {
      return;
    }
    try {
      fresh.finish();
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  private StoredResource replaceOne(SystemGraph sys, ResourceDraft draft, NewGraphWriter fresh) {
    if (draft.requestedId() == null) {
      throw new StoreException(
          StoreException.Kind.INVALID,
          "a replacement must name the IRI of the resource it replaces");
    }
    checkReplaceable(draft.requestedId(), draft);
    return replaceIn(sys, draft.requestedId(), draft, null, fresh);
  }

  private StoredResource createIn(SystemGraph sys, ResourceDraft draft, NewGraphWriter fresh) {
    String id;
    if (draft.requestedId() != null) {
      id = draft.requestedId();
      Optional<Node> state = sys.value(iriNode(id), SystemGraph.STATE);
      if (state.isPresent()) {
        throw new StoreException(
            StoreException.Kind.CONFLICT,
            ids.iri(id)
                + (state.get().equals(SystemGraph.LIVE)
                    ? ALREADY_EXISTS
                    : " was deleted and cannot be reused"));
      }
    } else {
      id = mint(sys, draft.slugHint());
    }
    return write(sys, id, draft, null, fresh);
  }

  private void checkReplaceable(String id, ResourceDraft draft) {
    requireValid(id);
    if (draft.requestedId() != null && !draft.requestedId().equals(id)) {
      throw new StoreException(
          StoreException.Kind.INVALID,
          "the document describes "
              + ids.iri(draft.requestedId())
              + " but was sent to "
              + ids.iri(id));
    }
  }

  private StoredResource replaceIn(
      SystemGraph sys, String id, ResourceDraft draft, VersionMatch ifMatch, NewGraphWriter fresh) {
    Node iri = iriNode(id);
    Optional<Node> state = sys.value(iri, SystemGraph.STATE);
    if (state.isPresent() && state.get().equals(SystemGraph.DELETED)) {
      throw new StoreException(StoreException.Kind.GONE, ids.iri(id) + " was deleted");
    }
    long version = sys.longValue(iri, SystemGraph.VERSION);
    checkPrecondition(ifMatch, state.isPresent() ? version : -1, id);
    Previous previous =
        state.isPresent()
            ? new Previous(version, sys.instant(iri, SystemGraph.CREATED).orElse(null))
            : null;
    return write(sys, id, draft, previous, fresh);
  }

  /** Deletes the resource, leaving a tombstone; ifMatch as for {@link #replace}. */
  public Change delete(String id, VersionMatch ifMatch) {
    requireValid(id);
    return inWrite(
        sys -> {
          Node iri = iriNode(id);
          liveState(sys, id);
          checkPrecondition(ifMatch, sys.longValue(iri, SystemGraph.VERSION), id);
          Instant now = now();
          DatasetGraph dsg = dataset.asDatasetGraph();
          dsg.deleteAny(iri, Node.ANY, Node.ANY, Node.ANY);
          sys.set(iri, SystemGraph.STATE, SystemGraph.DELETED);
          sys.set(iri, SystemGraph.MODIFIED, SystemGraph.dateTime(now));
          sys.set(
              iri,
              SystemGraph.VERSION,
              SystemGraph.number(sys.longValue(iri, SystemGraph.VERSION) + 1));
          sys.addToLiveCount(-1);
          log.debug("deleted resource [iri: {}]", iri.getURI());
          return sys.append(iri.getURI(), ChangeAction.DELETED, now);
        });
  }

  /** The resource with this id; fails NOT_FOUND, or GONE after a delete. */
  public StoredResource get(String id) {
    requireValid(id);
    return Txn.calculateRead(
        dataset,
        () -> {
          SystemGraph sys = system();
          Node iri = iriNode(id);
          liveState(sys, id);
          Graph copy = GraphFactory.createDefaultGraph();
          dataset.asDatasetGraph().getGraph(iri).find().forEachRemaining(copy::add);
          return new StoredResource(
              id,
              iri.getURI(),
              copy,
              sys.longValue(iri, SystemGraph.VERSION),
              sys.instant(iri, SystemGraph.CREATED).orElseThrow(),
              sys.instant(iri, SystemGraph.MODIFIED).orElseThrow());
        });
  }

  /**
   * The names ({@code schema:name}) of these IRIs in any graph, by language (primary subtag, the
   * first of each language), e.g. to label the resources a page links to; an IRI without a name
   * maps to an empty map.
   */
  public Map<String, Map<String, String>> names(Collection<String> iris) {
    DatasetGraph graphs = dataset.asDatasetGraph();
    return Txn.calculateRead(
        graphs,
        () -> {
          Map<String, Map<String, String>> names = new LinkedHashMap<>();
          for (String iri : iris) {
            Map<String, String> byLang = new LinkedHashMap<>();
            graphs
                .find(Node.ANY, NodeFactory.createURI(iri), SCHEMA_NAME, Node.ANY)
                .forEachRemaining(
                    q -> {
                      if (q.getObject().isLiteral()) {
                        byLang.putIfAbsent(
                            q.getObject().getLiteralLanguage().split("-", 2)[0],
                            q.getObject().getLiteralLexicalForm());
                      }
                    });
            names.put(iri, byLang);
          }
          return names;
        });
  }

  /** Live resources ordered by id, up to limit after the cursor (an id, or null for the start). */
  public ResourcePage list(int limit, String after) {
    return Txn.calculateRead(
        dataset,
        () -> {
          SystemGraph sys = system();
          List<String> live = new ArrayList<>();
          dataset
              .asDatasetGraph()
              .getDefaultGraph()
              .find(Node.ANY, SystemGraph.STATE, SystemGraph.LIVE)
              .forEachRemaining(t -> ids.idOf(t.getSubject().getURI()).ifPresent(live::add));
          live.sort(Comparator.naturalOrder());
          List<ResourceSummary> items = new ArrayList<>();
          String next = null;
          for (String id : live) {
            if (after != null && id.compareTo(after) <= 0) {
              continue;
            }
            if (items.size() == limit) {
              next = items.get(items.size() - 1).id();
              break;
            }
            Node iri = iriNode(id);
            items.add(
                new ResourceSummary(
                    id,
                    iri.getURI(),
                    sys.instant(iri, SystemGraph.MODIFIED).orElseThrow(),
                    sys.longValue(iri, SystemGraph.VERSION)));
          }
          return new ResourcePage(items, next, live.size());
        });
  }

  /** Change-log entries after a sequence number, oldest first, at most limit of them. */
  public ChangePage changes(long since, int limit) {
    return Txn.calculateRead(
        dataset,
        () -> {
          SystemGraph sys = system();
          long latest = sys.lastSequence();
          List<Change> page = new ArrayList<>();
          for (long seq = Math.max(0, since) + 1; seq <= latest && page.size() < limit; seq++) {
            sys.change(seq).ifPresent(page::add);
          }
          return new ChangePage(page, Math.max(0, since), latest);
        });
  }

  /**
   * Change-log entries made after an instant, oldest first, at most limit of them. Entries are
   * stamped in sequence order by the one writer, so the first one after the instant is found by a
   * binary search over the sequence numbers.
   */
  public ChangePage changesAfter(Instant since, int limit) {
    return Txn.calculateRead(
        dataset,
        () -> {
          SystemGraph sys = system();
          long low = 0;
          long high = sys.lastSequence();
          // Invariant: entries up to low are at or before since; entries after high are after it.
          while (low < high) {
            long mid = low + (high - low + 1) / 2;
            Optional<Change> change = sys.change(mid);
            if (change.isPresent() && change.get().at().isAfter(since)) {
              high = mid - 1;
            } else {
              low = mid;
            }
          }
          return changes(low, limit);
        });
  }

  /** For each live resource, the skills it teaches or assesses (its own statements only). */
  public Map<String, Set<String>> skillsByResource() {
    return Txn.calculateRead(
        dataset,
        () -> {
          Map<String, Set<String>> skills = new TreeMap<>();
          try (QueryExecution qe =
              QueryExecution.dataset(dataset).query(SKILLS_BY_RESOURCE).build()) {
            qe.execSelect()
                .forEachRemaining(
                    row -> {
                      if (row.get("skill").isURIResource()) {
                        skills
                            .computeIfAbsent(row.getResource("g").getURI(), k -> new TreeSet<>())
                            .add(row.getResource("skill").getURI());
                      }
                    });
          }
          return skills;
        });
  }

  /** How many live resources the store holds. */
  public long count() {
    return Txn.calculateRead(dataset, () -> system().liveCount());
  }

  /** Closes the dataset (TDB2 flushes and releases its folder). */
  @Override
  public void close() {
    log.info("closing store");
    try {
      closer.close();
    } catch (Exception e) {
      throw new IllegalStateException("store did not close cleanly: " + e.getMessage(), e);
    }
  }

  /** What the store holds of a live resource that a write replaces. */
  private record Previous(long version, Instant created) {}

  /**
   * Writes the resource: a live one (previous, as the caller looked it up) is replaced, a new one
   * (previous null) goes through fresh when given.
   */
  private StoredResource write(
      SystemGraph sys, String id, ResourceDraft draft, Previous previous, NewGraphWriter fresh) {
    Node iri = iriNode(id);
    Instant now = now();
    boolean existed = previous != null;
    Instant createdAt = existed && previous.created() != null ? previous.created() : now;
    Graph graph = withProvenance(draft.graphAbout(iri), iri, createdAt, now);
    long version = existed ? previous.version() + 1 : 1;
    if (existed || fresh == null) {
      DatasetGraph dsg = dataset.asDatasetGraph();
      dsg.deleteAny(iri, Node.ANY, Node.ANY, Node.ANY);
      graph
          .find()
          .forEachRemaining(t -> dsg.add(iri, t.getSubject(), t.getPredicate(), t.getObject()));
    } else {
      fresh.add(iri, graph);
    }
    if (existed) {
      sys.set(iri, SystemGraph.STATE, SystemGraph.LIVE);
      sys.set(iri, SystemGraph.VERSION, SystemGraph.number(version));
      sys.set(iri, SystemGraph.CREATED, SystemGraph.dateTime(createdAt));
      sys.set(iri, SystemGraph.MODIFIED, SystemGraph.dateTime(now));
    } else {
      // Nothing about this IRI is in the system graph yet: add without looking for old values.
      sys.put(iri, SystemGraph.STATE, SystemGraph.LIVE);
      sys.put(iri, SystemGraph.VERSION, SystemGraph.number(version));
      sys.put(iri, SystemGraph.CREATED, SystemGraph.dateTime(createdAt));
      sys.put(iri, SystemGraph.MODIFIED, SystemGraph.dateTime(now));
      sys.addToLiveCount(1);
    }
    sys.append(iri.getURI(), existed ? ChangeAction.UPDATED : ChangeAction.CREATED, now);
    log.debug(
        "stored resource [iri: {}, version: {}, triples: {}]", iri.getURI(), version, graph.size());
    return new StoredResource(id, iri.getURI(), graph, version, createdAt, now);
  }

  private String mint(SystemGraph sys, String slugHint) {
    String slug = ResourceIds.slug(slugHint);
    String candidate = slug;
    for (int attempt = 0; attempt < MINT_ATTEMPTS; attempt++) {
      if (sys.value(iriNode(candidate), SystemGraph.STATE).isEmpty()) {
        return candidate;
      }
      candidate = slug + "-" + ResourceIds.shortUuid().substring(0, 4 + attempt / 5);
    }
    throw new IllegalStateException("could not mint a free id for " + slug);
  }

  private void liveState(SystemGraph sys, String id) {
    Optional<Node> state = sys.value(iriNode(id), SystemGraph.STATE);
    if (state.isEmpty()) {
      throw new StoreException(StoreException.Kind.NOT_FOUND, "no resource " + ids.iri(id));
    }
    if (state.get().equals(SystemGraph.DELETED)) {
      throw new StoreException(StoreException.Kind.GONE, ids.iri(id) + " was deleted");
    }
  }

  private void checkPrecondition(VersionMatch ifMatch, long version, String id) {
    if (ifMatch == null) {
      return;
    }
    if (version < 0) {
      throw new StoreException(
          StoreException.Kind.PRECONDITION_FAILED,
          "If-Match given but " + ids.iri(id) + " does not exist");
    }
    if (!ifMatch.accepts(version)) {
      throw new StoreException(
          StoreException.Kind.PRECONDITION_FAILED,
          ids.iri(id) + " changed since that version; it is now version " + version);
    }
  }

  private void requireValid(String id) {
    if (!ResourceIds.isValidId(id)) {
      throw new StoreException(StoreException.Kind.NOT_FOUND, "no resource with id " + id);
    }
  }

  /** Runs work in one write transaction with the system graph, storing its counters at the end. */
  private <T> T inWrite(Function<SystemGraph, T> work) {
    return Txn.calculateWrite(
        dataset,
        () -> {
          SystemGraph sys = system();
          T result = work.apply(sys);
          sys.saveCounters();
          return result;
        });
  }

  private SystemGraph system() {
    // The system graph holds no indexed text, so it is written around the text index's monitor
    // (which looks each added triple up first) when there is one.
    return new SystemGraph(
        opened
            .text()
            .map(NodeDataset::systemGraph)
            .orElseGet(() -> dataset.asDatasetGraph().getDefaultGraph()));
  }

  private Node iriNode(String id) {
    return NodeFactory.createURI(ids.iri(id));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private Graph withProvenance(Graph graph, Node iri, Instant created, Instant modified) {
    Graph result = GraphFactory.createDefaultGraph();
    result.getPrefixMapping().setNsPrefixes(graph.getPrefixMapping());
    graph.find().forEachRemaining(result::add);
    result.remove(iri, WAS_ATTRIBUTED_TO, Node.ANY);
    result.remove(iri, DCTerms.created.asNode(), Node.ANY);
    result.remove(iri, DCTerms.modified.asNode(), Node.ANY);
    result.add(Triple.create(iri, WAS_ATTRIBUTED_TO, attribution));
    result.add(Triple.create(iri, DCTerms.created.asNode(), SystemGraph.dateTime(created)));
    result.add(Triple.create(iri, DCTerms.modified.asNode(), SystemGraph.dateTime(modified)));
    return result;
  }
}
