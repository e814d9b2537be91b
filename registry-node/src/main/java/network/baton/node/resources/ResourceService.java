package network.baton.node.resources;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import network.baton.node.store.BatchOutcome;
import network.baton.node.store.Change;
import network.baton.node.store.ChangePage;
import network.baton.node.store.ResourceDraft;
import network.baton.node.store.ResourceIds;
import network.baton.node.store.ResourcePage;
import network.baton.node.store.ResourceStore;
import network.baton.node.store.StoreException;
import network.baton.node.store.StoredResource;
import network.baton.node.store.VersionMatch;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;

/**
 * Publishing logic over the store: parse, validate, then write; reads run on the node's read
 * workers and writes (with their parsing and validation) on its write workers, each answering with
 * a Future, so the event loop never blocks and a flood of one kind leaves the other answering.
 */
public final class ResourceService {

  private final ResourceStore store;
  private final ResourceReader reader;
  private final ResourceValidator validator;
  private final WorkerExecutor reads;
  private final WorkerExecutor writes;

  /**
   * A service writing to store, reading bodies with reader and checking them with validator; reads
   * run on reads, writes on writes.
   */
  public ResourceService(
      ResourceStore store,
      ResourceReader reader,
      ResourceValidator validator,
      WorkerExecutor reads,
      WorkerExecutor writes) {
    this.store = store;
    this.reader = reader;
    this.validator = validator;
    this.reads = reads;
    this.writes = writes;
  }

  /**
   * Publishes a new resource; fails with RdfSyntaxException, ValidationFailedException or
   * StoreException.
   */
  public Future<StoredResource> create(String body, Lang lang) {
    return writes.executeBlocking(() -> store.create(validated(body, lang)), false);
  }

  /** Replaces (or creates at that id) a resource, honouring If-Match. */
  public Future<StoredResource> replace(String id, String body, Lang lang, VersionMatch ifMatch) {
    return writes.executeBlocking(() -> store.replace(id, validated(body, lang), ifMatch), false);
  }

  /**
   * Publishes several resources (one per named graph of an N-Quads or TriG body) in one
   * transaction: each is validated and stored or refused on its own, in the body's order; with
   * replace, each is written as PUT to its own IRI. Fails as a whole only for a body that cannot be
   * read (RdfSyntaxException, StoreException INVALID).
   */
  public Future<List<BatchResult>> writeBatch(String body, Lang lang, boolean replace) {
    return writes.executeBlocking(() -> batch(reader.readBatch(body, lang), replace), false);
  }

  /** Deletes a resource, leaving a tombstone. */
  public Future<Change> delete(String id, VersionMatch ifMatch) {
    return writes.executeBlocking(() -> store.delete(id, ifMatch), false);
  }

  /** One resource. */
  public Future<StoredResource> get(String id) {
    return reads.executeBlocking(() -> store.get(id), false);
  }

  /** The names of these IRIs by language (see {@link ResourceStore#names}). */
  public Future<Map<String, Map<String, String>>> names(Collection<String> iris) {
    List<String> copy = List.copyOf(iris);
    return reads.executeBlocking(() -> store.names(copy), false);
  }

  /** A page of live resources after the cursor. */
  public Future<ResourcePage> list(int limit, String after) {
    return reads.executeBlocking(() -> store.list(limit, after), false);
  }

  /** A page of the change log after a sequence number. */
  public Future<ChangePage> changes(long since, int limit) {
    return reads.executeBlocking(() -> store.changes(since, limit), false);
  }

  /** A page of the change log after an instant. */
  public Future<ChangePage> changesAfter(java.time.Instant since, int limit) {
    return reads.executeBlocking(() -> store.changesAfter(since, limit), false);
  }

  /** The number of live resources. */
  public Future<Long> count() {
    return reads.executeBlocking(store::count, false);
  }

  private List<BatchResult> batch(Map<String, Graph> graphs, boolean replace) {
    BatchResult[] results = new BatchResult[graphs.size()];
    List<ResourceDraft> valid = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    int i = 0;
    for (Map.Entry<String, Graph> entry : graphs.entrySet()) {
      String iri = entry.getKey();
      try {
        ResourceDraft draft = validated(reader.draft(entry.getValue()));
        if (!draft.subject().isURI() || !draft.subject().getURI().equals(iri)) {
          throw new StoreException(
              StoreException.Kind.INVALID,
              "the graph must be named after the resource it describes ("
                  + draft.subject()
                  + "), not "
                  + iri);
        }
        valid.add(draft);
        positions.add(i);
      } catch (ValidationFailedException | StoreException e) {
        results[i] = new BatchResult(iri, null, e);
      }
      i++;
    }
    List<BatchOutcome> outcomes = store.writeAll(valid, replace);
    for (int k = 0; k < outcomes.size(); k++) {
      BatchOutcome outcome = outcomes.get(k);
      String iri = valid.get(k).subject().getURI();
      results[positions.get(k)] = new BatchResult(iri, outcome.stored(), outcome.refusal());
    }
    return Arrays.asList(results);
  }

  private ResourceDraft validated(String body, Lang lang) {
    return validated(reader.read(body, lang));
  }

  private ResourceDraft validated(ResourceDraft draft) {
    // The shapes want an IRI subject; a blank one is checked under a stand-in for the IRI the store
    // will mint (which one does not change what the shapes say).
    Graph checked =
        draft.subject().isBlank()
            ? draft.graphAbout(
                NodeFactory.createURI(store.ids().iri(ResourceIds.slug(draft.slugHint()))))
            : draft.graph();
    List<ValidationIssue> violations = validator.validate(checked);
    if (!violations.isEmpty()) {
      throw new ValidationFailedException(violations);
    }
    return draft;
  }
}
