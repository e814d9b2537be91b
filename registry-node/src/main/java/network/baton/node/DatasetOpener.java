package network.baton.node;

import network.baton.node.config.NodeConfig;
import network.baton.node.store.NodeDataset;
import network.baton.node.store.OpenDataset;
import org.apache.jena.query.Dataset;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.sys.TDBInternal;

/** Opens the node's dataset at start-up (blocking; runs on a worker thread). */
@FunctionalInterface
public interface DatasetOpener {

  /** Opens (or creates) the dataset for this config. */
  OpenDataset open(NodeConfig config);

  /** The default: TDB2 in {dataDir}/tdb2 with the Lucene text index in {dataDir}/text-index. */
  static DatasetOpener textIndexed() {
    return config -> OpenDataset.of(NodeDataset.open(config.server().dataDir()));
  }

  /** A plain TDB2 database in {dataDir}/tdb2, without a text index. */
  static DatasetOpener tdb2() {
    return config -> {
      Dataset dataset =
          TDB2Factory.connectDataset(config.server().dataDir().resolve("tdb2").toString());
      // Expelling releases the folder (and its lock) so the database can be opened again.
      return new OpenDataset(dataset, () -> TDBInternal.expel(dataset.asDatasetGraph()));
    };
  }
}
