package network.baton.node.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.sparql.core.Quad;

/**
 * Writes graphs that hold nothing yet inside the caller's write transaction, faster than the
 * text-indexed dataset does: the quads go straight to TDB2 on the writer's thread while their text
 * is analysed and added to the Lucene index on a helper thread (Lucene's IndexWriter takes
 * documents from any thread). The index still commits or rolls back with the transaction, as
 * jena-text's per-triple indexer would; {@link #finish()} must be called before the transaction
 * ends.
 *
 * <p>Hand-written because jena-text indexes each quad synchronously on the writer's thread
 * (kuromoji analysis is about as costly as the TDB2 insert), and TDB2 transactions are bound to one
 * thread, so only the text can move.
 */
final class NewGraphWriter {

  /**
   * Entities after which the helper thread flushes Lucene's in-memory segment, so that the commit
   * (on the writer's thread) finds little left to write: flushing postings is about as costly as
   * analysing the text.
   */
  static final int FLUSH_EVERY = 2_000;

  private final NodeDataset store;
  private final List<Future<?>> pending = new ArrayList<>();
  // Touched by the helper thread only (one task at a time).
  private int sinceFlush;

  /** A writer to store's TDB2 files and text index, indexing on its text indexer thread. */
  NewGraphWriter(NodeDataset store) {
    this.store = store;
  }

  /** Adds the triples as graph {@code name}, which must be empty; its text is indexed meanwhile. */
  void add(Node name, Graph triples) {
    List<Quad> text = new ArrayList<>();
    for (Triple t : triples.find().toList()) {
      Quad quad = Quad.create(name, t);
      store.base().add(quad);
      if (TextIndexLayout.PREDICATES.containsValue(t.getPredicate())) {
        text.add(quad);
      }
    }
    store.changes().noteChanged(name);
    if (!text.isEmpty()) {
      pending.add(
          store
              .textIndexer()
              .submit(
                  () -> {
                    for (Quad quad : text) {
                      Entity entity =
                          TextQueryFuncs.entityFromQuad(store.textIndex().getDocDef(), quad);
                      if (entity != null) {
                        store.textIndex().addEntity(entity);
                        sinceFlush++;
                      }
                    }
                    if (sinceFlush >= FLUSH_EVERY) {
                      flushIndex();
                    }
                  }));
    }
  }

  private void flushIndex() {
    try {
      // Writes the buffered documents as a segment; nothing is committed (a rollback drops it).
      store.textIndex().getIndexWriter().flush();
      sinceFlush = 0;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot flush the text index", e);
    }
  }

  /** Waits until the text of every added graph is in the (uncommitted) index; rethrows failures. */
  void finish() {
    RuntimeException failure = null;
    for (Future<?> future : pending) {
      try {
        future.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure = new IllegalStateException("interrupted while indexing text", e);
      } catch (ExecutionException e) {
        failure =
            e.getCause() instanceof RuntimeException runtime
                ? runtime
                : new IllegalStateException("text indexing failed", e.getCause());
      }
    }
    pending.clear();
    if (failure != null) {
      throw failure;
    }
  }
}
