package network.baton.node.store;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.apache.jena.query.Dataset;

/**
 * An opened dataset, how to close it, and the text-indexed store behind it when there is one (the
 * search routes need it; a plain TDB2 dataset has none).
 */
public record OpenDataset(Dataset dataset, AutoCloseable closer, NodeDataset textIndexed) {
  public OpenDataset {
    requireNonNull(dataset, "dataset");
    requireNonNull(closer, "closer");
  }

  /** A dataset without a text index. */
  public OpenDataset(Dataset dataset, AutoCloseable closer) {
    this(dataset, closer, null);
  }

  /** The node's text-indexed store (TDB2 plus Lucene). */
  public static OpenDataset of(NodeDataset store) {
    return new OpenDataset(store.dataset(), store::close, store);
  }

  /** The text-indexed store, if the dataset has one. */
  public Optional<NodeDataset> text() {
    return Optional.ofNullable(textIndexed);
  }
}
