package network.baton.node;

import network.baton.node.config.NodeConfig;
import network.baton.node.store.OpenDataset;
import org.apache.jena.tdb2.TDB2Factory;

/** Opens the node's dataset at start-up (blocking; runs on a worker thread). */
@FunctionalInterface
public interface DatasetOpener {

  /** Opens (or creates) the dataset for this config. */
  OpenDataset open(NodeConfig config);

  /** A plain TDB2 database in {dataDir}/tdb2, without a text index. */
  static DatasetOpener tdb2() {
    return config -> {
      var dataset = TDB2Factory.connectDataset(config.dataDir().resolve("tdb2").toString());
      return new OpenDataset(dataset, dataset::close);
    };
  }
}
