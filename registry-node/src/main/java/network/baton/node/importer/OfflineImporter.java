package network.baton.node.importer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import network.baton.node.resources.ResourceValidator;
import network.baton.node.resources.ValidationIssue;
import network.baton.node.store.BatchOutcome;
import network.baton.node.store.ResourceDraft;
import network.baton.node.store.ResourceStore;
import network.baton.node.store.StoreException;
import network.baton.node.store.StoredResource;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports resources straight into a stopped node's store through {@link ResourceStore#writeAll}
 * (the same writes as POST /resources, or PUT when asked to replace: provenance, change log and
 * text index stay consistent). Each resource is validated first, on worker threads ahead of the one
 * writer; valid ones are written batchSize per transaction, and a resource the store refuses (IRI
 * taken) is left out without undoing the rest of its batch.
 */
public final class OfflineImporter {

  /**
   * Resources per transaction unless told otherwise: a stopped node's store has no readers to keep
   * waiting, and fewer commits write the text index in fewer, larger segments.
   */
  public static final int DEFAULT_BATCH = 500;

  private static final Logger log = LoggerFactory.getLogger(OfflineImporter.class);

  private final ResourceStore store;
  private final ResourceValidator validator;
  private final int batchSize;
  private final boolean replace;
  private final int validators;

  /**
   * An importer checking with validator (the node's), writing batchSize resources per transaction.
   */
  public OfflineImporter(ResourceStore store, ResourceValidator validator, int batchSize) {
    this(store, validator, batchSize, false);
  }

  /** As above; with replace, a resource that exists is replaced (a new version, as PUT does). */
  public OfflineImporter(
      ResourceStore store, ResourceValidator validator, int batchSize, boolean replace) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1: " + batchSize);
    }
    this.store = store;
    this.validator = validator;
    this.batchSize = batchSize;
    this.replace = replace;
    this.validators = Math.max(1, Runtime.getRuntime().availableProcessors());
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
    Set<String> seen = new HashSet<>();
    // SHACL validation is most of the CPU per resource and needs nothing from the store, so small
    // slices are validated on worker threads while this thread writes the earlier ones, in order.
    ExecutorService pool = Executors.newFixedThreadPool(validators, OfflineImporter::thread);
    try {
      List<Future<List<Checked>>> slices = new ArrayList<>();
      int slice = Math.max(1, Math.min(batchSize, 50));
      for (int from = 0; from < items.size(); from += slice) {
        List<ImportItem> part = items.subList(from, Math.min(items.size(), from + slice));
        slices.add(pool.submit(() -> part.stream().map(this::check).toList()));
      }
      List<Checked> batch = new ArrayList<>();
      for (Future<List<Checked>> future : slices) {
        for (Checked checked : join(future)) {
          if (checked.rejection() != null) {
            rejected.add(checked.rejection());
            progress.advance(checked.item().graph().size());
          } else if (!seen.add(checked.draft().requestedId())) {
            rejected.add(
                Rejection.of(
                    checked.item().source(), checked.item().iri(), "appears twice in the import"));
            progress.advance(checked.item().graph().size());
          } else {
            batch.add(checked);
            if (batch.size() == batchSize) {
              flush(batch, rejected, stored, progress, onStored);
            }
          }
        }
      }
      flush(batch, rejected, stored, progress, onStored);
    } finally {
      pool.shutdownNow();
    }
    progress.finish();
    return new ImportSummary(
        stored[0], stored[1], rejected, Duration.ofNanos(System.nanoTime() - started));
  }

  private Checked check(ImportItem item) {
    if (store.ids().idOf(item.iri()).isEmpty()) {
      return new Checked(
          item,
          null,
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
        ? new Checked(item, draft(item), null)
        : new Checked(item, null, new Rejection(item.source(), item.iri(), reasons));
  }

  private ResourceDraft draft(ImportItem item) {
    Node subject = NodeFactory.createURI(item.iri());
    return new ResourceDraft(item.graph(), subject, store.ids().idOf(item.iri()).orElseThrow(), "");
  }

  private void flush(
      List<Checked> batch,
      List<Rejection> rejected,
      long[] stored,
      ImportProgress progress,
      Consumer<StoredResource> onStored) {
    if (batch.isEmpty()) {
      return;
    }
    List<BatchOutcome> outcomes =
        store.writeAll(batch.stream().map(Checked::draft).toList(), replace);
    for (int i = 0; i < outcomes.size(); i++) {
      ImportItem item = batch.get(i).item();
      BatchOutcome outcome = outcomes.get(i);
      if (outcome.refusal() != null) {
        rejected.add(Rejection.of(item.source(), item.iri(), reason(outcome.refusal())));
        progress.advance(item.graph().size());
      } else {
        stored[0]++;
        stored[1] += outcome.stored().graph().size();
        progress.advance(outcome.stored().graph().size());
        onStored.accept(outcome.stored());
      }
    }
    log.debug("batch written [size: {}]", batch.size());
    batch.clear();
  }

  /** The store's refusal in the words of this command (which has --replace rather than PUT). */
  private static String reason(StoreException refusal) {
    String message = refusal.getMessage();
    return message.endsWith(ResourceStore.ALREADY_EXISTS)
        ? message.substring(0, message.length() - ResourceStore.ALREADY_EXISTS.length())
            + " already exists (use --replace to replace it)"
        : message;
  }

  private static <T> T join(Future<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("import interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static Thread thread(Runnable task) {
    Thread thread = new Thread(task, "import-validator");
    thread.setDaemon(true);
    return thread;
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

  /** An item after validation: a draft to write, or why it was rejected. */
  private record Checked(ImportItem item, ResourceDraft draft, Rejection rejection) {}
}
