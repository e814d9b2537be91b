package network.baton.node.store;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;

/**
 * Publishing logic over the store: parse, validate, then write; every call runs on the node's Jena
 * worker pool and answers with a Future, so the event loop never blocks.
 */
public final class ResourceService {

  private final ResourceStore store;
  private final ResourceReader reader;
  private final ResourceValidator validator;
  private final WorkerExecutor pool;

  /** A service writing to store, reading bodies with reader and checking them with validator. */
  public ResourceService(
      ResourceStore store,
      ResourceReader reader,
      ResourceValidator validator,
      WorkerExecutor pool) {
    this.store = store;
    this.reader = reader;
    this.validator = validator;
    this.pool = pool;
  }

  /**
   * Publishes a new resource; fails with RdfSyntaxException, ValidationFailedException or
   * StoreException.
   */
  public Future<StoredResource> create(String body, Lang lang) {
    return pool.executeBlocking(() -> store.create(validated(body, lang)), false);
  }

  /** Replaces (or creates at that id) a resource, honouring If-Match. */
  public Future<StoredResource> replace(String id, String body, Lang lang, String ifMatch) {
    return pool.executeBlocking(() -> store.replace(id, validated(body, lang), ifMatch), false);
  }

  /** Deletes a resource, leaving a tombstone. */
  public Future<Change> delete(String id, String ifMatch) {
    return pool.executeBlocking(() -> store.delete(id, ifMatch), false);
  }

  /** One resource. */
  public Future<StoredResource> get(String id) {
    return pool.executeBlocking(() -> store.get(id), false);
  }

  /** A page of live resources after the cursor. */
  public Future<ResourcePage> list(int limit, String after) {
    return pool.executeBlocking(() -> store.list(limit, after), false);
  }

  /** A page of the change log after a sequence number. */
  public Future<ChangePage> changes(long since, int limit) {
    return pool.executeBlocking(() -> store.changes(since, limit), false);
  }

  /** The skills each live resource teaches or assesses. */
  public Future<Map<String, Set<String>>> skillsByResource() {
    return pool.executeBlocking(store::skillsByResource, false);
  }

  /** The number of live resources. */
  public Future<Long> count() {
    return pool.executeBlocking(store::count, false);
  }

  private ResourceDraft validated(String body, Lang lang) {
    ResourceDraft draft = reader.read(body, lang);
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
