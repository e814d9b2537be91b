package network.baton.node.store;

import static java.util.Objects.requireNonNull;

import org.apache.jena.query.Dataset;

/** An opened dataset and how to close it (a text-indexed store closes its index too). */
public record OpenDataset(Dataset dataset, AutoCloseable closer) {
  public OpenDataset {
    requireNonNull(dataset, "dataset");
    requireNonNull(closer, "closer");
  }
}
