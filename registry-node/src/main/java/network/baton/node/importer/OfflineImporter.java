package network.baton.node.importer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import network.baton.node.store.ResourceDraft;
import network.baton.node.store.ResourceStore;
import network.baton.node.store.ResourceValidator;
import network.baton.node.store.StoreException;
import network.baton.node.store.StoredResource;
import network.baton.node.store.ValidationIssue;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.system.Txn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports resources straight into a stopped node's store through {@link ResourceStore#create} (the
 * same write as POST /resources: provenance, change log and text index stay consistent). Each
 * resource is validated first; valid ones are written many per transaction, and when a batch fails
 * (an IRI already taken) it is rolled back and written again one resource per transaction, so one
 * bad resource never undoes the rest.
 */
public final class OfflineImporter {

  private static final Logger log = LoggerFactory.getLogger(OfflineImporter.class);

  private final ResourceStore store;
  private final ResourceValidator validator;
  private final int batchSize;

  /**
   * An importer checking with validator (the node's), writing batchSize resources per transaction.
   */
  public OfflineImporter(ResourceStore store, ResourceValidator validator, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1: " + batchSize);
    }
    this.store = store;
    this.validator = validator;
    this.batchSize = batchSize;
  }

  /** Imports the items; earlier rejections (parse errors) are carried into the summary. */
  public ImportSummary run(
      List<ImportItem> items,
      List<Rejection> earlier,
      ImportProgress progress,
      Consumer<StoredResource> onStored) {
    long started = System.nanoTime();
    List<Rejection> rejected = new ArrayList<>(earlier);
    long[] stored = {0, 0};
    List<Pending> batch = new ArrayList<>();
    for (ImportItem item : items) {
      Optional<Rejection> invalid = check(item);
      if (invalid.isPresent()) {
        rejected.add(invalid.get());
        progress.advance(item.graph().size());
        continue;
      }
      batch.add(new Pending(item, draft(item)));
      if (batch.size() == batchSize) {
        flush(batch, rejected, stored, progress, onStored);
      }
    }
    flush(batch, rejected, stored, progress, onStored);
    progress.finish();
    return new ImportSummary(
        stored[0], stored[1], rejected, Duration.ofNanos(System.nanoTime() - started));
  }

  private Optional<Rejection> check(ImportItem item) {
    if (store.ids().idOf(item.iri()).isEmpty()) {
      return Optional.of(
          Rejection.of(
              item.source(),
              item.iri(),
              "the IRI is not under this node's "
                  + store.ids().iri("")
                  + " (use relative ids such"
                  + " as \"resources/my-course\", or --base-url)"));
    }
    List<String> reasons =
        validator.validate(item.graph()).stream().map(OfflineImporter::describe).toList();
    return reasons.isEmpty()
        ? Optional.empty()
        : Optional.of(new Rejection(item.source(), item.iri(), reasons));
  }

  private ResourceDraft draft(ImportItem item) {
    Node subject = NodeFactory.createURI(item.iri());
    return new ResourceDraft(item.graph(), subject, store.ids().idOf(item.iri()).orElseThrow(), "");
  }

  private void flush(
      List<Pending> batch,
      List<Rejection> rejected,
      long[] stored,
      ImportProgress progress,
      Consumer<StoredResource> onStored) {
    if (batch.isEmpty()) {
      return;
    }
    // A failing write inside a joined transaction aborts the whole batch (Jena's Txn), so the
    // refusals create() would make (IRI taken, or twice in this batch) are found before writing.
    List<Pending> writable = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Pending pending : batch) {
      String id = pending.draft().requestedId();
      Optional<String> taken = ids.add(id) ? taken(id) : Optional.of("appears twice in the import");
      if (taken.isPresent()) {
        rejected.add(Rejection.of(pending.item().source(), pending.item().iri(), taken.get()));
        progress.advance(pending.item().graph().size());
      } else {
        writable.add(pending);
      }
    }
    List<StoredResource> written = new ArrayList<>();
    try {
      // ResourceStore's own transactions join this one, so the whole batch commits at once.
      Txn.executeWrite(
          store.dataset(), () -> writable.forEach(p -> written.add(store.create(p.draft()))));
    } catch (RuntimeException e) {
      log.warn(
          "batch rolled back, writing one by one [size: {}, reason: {}]",
          writable.size(),
          e.toString());
      written.clear();
      for (Pending pending : writable) {
        try {
          written.add(store.create(pending.draft()));
        } catch (RuntimeException one) {
          rejected.add(
              Rejection.of(pending.item().source(), pending.item().iri(), one.getMessage()));
          progress.advance(pending.item().graph().size());
        }
      }
    }
    for (StoredResource resource : written) {
      stored[0]++;
      stored[1] += resource.graph().size();
      progress.advance(resource.graph().size());
      onStored.accept(resource);
    }
    batch.clear();
  }

  /** Why the id cannot be created, if it is taken (live or deleted), as create() would say. */
  private Optional<String> taken(String id) {
    try {
      store.get(id);
      return Optional.of(store.ids().iri(id) + " already exists; use PUT to change it");
    } catch (StoreException e) {
      return e.kind() == StoreException.Kind.GONE
          ? Optional.of(store.ids().iri(id) + " was deleted and cannot be reused")
          : Optional.empty();
    }
  }

  /** A violation as one readable line: the message, the property and the offending value. */
  static String describe(ValidationIssue v) {
    StringBuilder text = new StringBuilder(v.message());
    if (!v.path().isEmpty()) {
      text.append(" [").append(v.path()).append(']');
    }
    if (!v.value().isEmpty()) {
      text.append(" value: ").append(v.value());
    }
    return text.toString();
  }

  private record Pending(ImportItem item, ResourceDraft draft) {}
}
