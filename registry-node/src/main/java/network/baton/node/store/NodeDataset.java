package network.baton.node.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.query.text.TextDocProducerTriples;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's store: a TDB2 database ({@code dataDir/tdb2}) wrapped by a jena-text Lucene index
 * ({@code dataDir/text-index}).
 *
 * <p>Every read and write must go through {@link #datasetGraph()}: the wrapper sees each added or
 * deleted quad and updates the index inside the same transaction; the index commits as an external
 * component of the TDB2 transaction, so a committed write is searchable and an aborted one leaves
 * no trace. Two writers in this package go around the wrapper inside such a transaction, for speed:
 * {@link NewGraphWriter} (which indexes the text itself) and {@link #systemGraph()} (which holds no
 * indexed text). Anything written to the TDB2 files by other means (a bulk loader) needs {@link
 * #rebuild()}.
 */
public final class NodeDataset implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(NodeDataset.class);

  private final Path dataDir;
  private final DatasetGraph base;
  private final TextIndexLucene textIndex;
  private final CommitNotifyingDatasetGraph indexed;
  private final TextIndexLayout layout;
  private final ChangedGraphs changes;
  private final ExecutorService textIndexer =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "text-indexer");
            thread.setDaemon(true);
            return thread;
          });
  private volatile boolean closed;

  // The text dataset around base notes the graphs each write changes, for the commit listeners.
  private NodeDataset(
      Path dataDir, DatasetGraph base, TextIndexLucene textIndex, TextIndexLayout layout) {
    this.dataDir = dataDir;
    this.base = base;
    this.textIndex = textIndex;
    this.layout = layout;
    this.changes = new ChangedGraphs(new TextDocProducerTriples(textIndex));
    this.indexed =
        new CommitNotifyingDatasetGraph(
            TextDatasetFactory.create(base, textIndex, true, changes), changes);
  }

  /**
   * Opens (creating if needed) the store under {@code dataDir}; an empty text index over a
   * non-empty store is rebuilt.
   */
  public static NodeDataset open(Path dataDir) {
    Objects.requireNonNull(dataDir, "dataDir");
    Path tdbDir = dataDir.resolve("tdb2");
    Path indexDir = dataDir.resolve("text-index");
    try {
      Files.createDirectories(tdbDir);
      Files.createDirectories(indexDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create data folder " + dataDir, e);
    }
    DatasetGraph base = DatabaseMgr.connectDatasetGraph(tdbDir.toString());
    TextIndexLayout layout = new TextIndexLayout();
    TextIndexLucene textIndex;
    try {
      textIndex =
          new ResourceTextIndex(
              FSDirectory.open(indexDir),
              layout.config(),
              () -> base.transactionMode() == ReadWrite.READ);
    } catch (IOException | RuntimeException e) {
      TDBInternal.expel(base);
      throw new IllegalStateException(
          "cannot open text index " + indexDir + ": " + e.getMessage(), e);
    }
    NodeDataset store = new NodeDataset(dataDir, base, textIndex, layout);
    log.info("store opened [data: {}, indexed documents: {}]", dataDir, store.indexedDocuments());
    if (store.indexedDocuments() == 0 && store.hasIndexableText()) {
      log.warn("text index is empty but the store has text: rebuilding [data: {}]", dataDir);
      store.rebuild();
    }
    return store;
  }

  /** The text-indexed dataset graph: use it for every read and write (in Jena transactions). */
  public DatasetGraph datasetGraph() {
    return indexed;
  }

  /**
   * Tells {@code listener} about every write that commits from now on, with the graphs it changed.
   */
  public void addCommitListener(CommitListener listener) {
    indexed.addListener(Objects.requireNonNull(listener, "listener"));
  }

  /** Stops telling {@code listener} about commits. */
  public void removeCommitListener(CommitListener listener) {
    indexed.removeListener(listener);
  }

  /**
   * Calls action with every statement a resource makes about itself with one of these predicates:
   * each quad whose subject is the name of its graph, a URI (a resource is stored as the graph
   * named by its IRI). Call inside a read transaction on {@link #datasetGraph()}.
   */
  public void forEachOwnStatement(Collection<Node> predicates, Consumer<Quad> action) {
    for (Node predicate : predicates) {
      Iterator<Quad> quads = indexed.find(Node.ANY, Node.ANY, predicate, Node.ANY);
      while (quads.hasNext()) {
        Quad quad = quads.next();
        Node g = quad.getGraph();
        if (g.isURI() && g.equals(quad.getSubject())) {
          action.accept(quad);
        }
      }
    }
  }

  /**
   * A writer of new graphs for the current write transaction on this store (see {@link
   * NewGraphWriter}); call its finish() before the transaction commits.
   */
  NewGraphWriter newGraphWriter() {
    return new NewGraphWriter(this);
  }

  /** The TDB2 store itself, around the text index (for the writers of this package). */
  DatasetGraph base() {
    return base;
  }

  /** The graphs the current write changed (for the writers of this package). */
  ChangedGraphs changes() {
    return changes;
  }

  /** The one thread that indexes the text of new graphs (for {@link NewGraphWriter}). */
  ExecutorService textIndexer() {
    return textIndexer;
  }

  /**
   * The default graph of the TDB2 store itself, around the text index: for the node's bookkeeping,
   * which holds no indexed text, inside a transaction on {@link #datasetGraph()}.
   */
  Graph systemGraph() {
    return base.getDefaultGraph();
  }

  /** The same dataset as a {@link Dataset}, for APIs that want one. */
  public Dataset dataset() {
    return DatasetFactory.wrap(indexed);
  }

  /** The Lucene text index (read it through committed readers only). */
  public TextIndexLucene textIndex() {
    return textIndex;
  }

  /** The field layout and analyzers of the text index. */
  public TextIndexLayout layout() {
    return layout;
  }

  /** The data folder this store lives in. */
  public Path dataDir() {
    return dataDir;
  }

  /** Number of documents in the committed text index. */
  public int indexedDocuments() {
    try (DirectoryReader reader = DirectoryReader.open(textIndex.getDirectory())) {
      return reader.numDocs();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Throws the text index away and indexes every name, description and keyword in the store again;
   * writers wait meanwhile. Returns the number of indexed literals.
   */
  public long rebuild() {
    long started = System.nanoTime();
    // A write transaction keeps other writers out; the index commits with it (external TDB2
    // component).
    long count =
        Txn.calculateWrite(
            indexed,
            () -> {
              try {
                textIndex.getIndexWriter().deleteAll();
              } catch (IOException e) {
                throw new UncheckedIOException("cannot clear text index", e);
              }
              long n = 0;
              for (Node predicate : TextIndexLayout.PREDICATES.values()) {
                Iterator<Quad> quads = base.find(Node.ANY, Node.ANY, predicate, Node.ANY);
                while (quads.hasNext()) {
                  Quad quad = quads.next();
                  Entity entity = TextQueryFuncs.entityFromQuad(textIndex.getDocDef(), quad);
                  if (entity != null) {
                    textIndex.addEntity(entity);
                    n++;
                  }
                }
              }
              return n;
            });
    log.info(
        "text index rebuilt [literals: {}, ms: {}]",
        count,
        (System.nanoTime() - started) / 1_000_000);
    return count;
  }

  private boolean hasIndexableText() {
    return Txn.calculateRead(
        base,
        () ->
            TextIndexLayout.PREDICATES.values().stream()
                .anyMatch(p -> base.find(Node.ANY, Node.ANY, p, Node.ANY).hasNext()));
  }

  /** Closes the index and the database and releases the data folder (it can be opened again). */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    textIndexer.shutdownNow();
    try {
      indexed.close();
    } finally {
      TDBInternal.expel(base);
      log.info("store closed [data: {}]", dataDir);
    }
  }
}
