package network.baton.bench;

import java.nio.file.Path;
import network.baton.node.search.BenchmarkResources;
import network.baton.node.store.NodeDataset;
import network.baton.vocab.SampleContent;

/**
 * A node over generated resources for the search and SPARQL benchmarks: the resources are written
 * straight into the text-indexed store (the writes the node's importer would make, without the HTTP
 * round trips), then a real node is started on that store.
 */
final class BenchDataset {

  private static final int BATCH = 2_000;

  private BenchDataset() {}

  /** Writes {@code resources} generated resources under folder and starts a node over them. */
  static BenchNode start(Path folder, int resources) {
    BenchmarkResources generator =
        BenchmarkResources.fromSample(SampleContent.create(), BenchNode.BASE_URL);
    try (NodeDataset store = NodeDataset.open(folder)) {
      generator.writeTo(store.datasetGraph(), resources, BATCH);
    }
    return BenchNode.start(folder);
  }
}
