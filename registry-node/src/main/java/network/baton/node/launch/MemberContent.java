package network.baton.node.launch;

import java.io.PrintWriter;
import java.io.Writer;
import java.time.Clock;
import network.baton.node.config.NodeConfig;
import network.baton.node.importer.ImportSummary;
import network.baton.node.importer.SampleImport;
import network.baton.node.resources.VocabShapeValidator;
import network.baton.node.store.NodeDataset;
import network.baton.node.store.OpenDataset;
import network.baton.node.store.ResourceIds;
import network.baton.node.store.ResourceStore;
import network.baton.vocab.SampleContent.Institution;

/**
 * What a member's store holds before the member starts, written into its data folder while no node
 * has it open (as {@code baton import --data} does: one validated write path, much quicker than
 * publishing resource by resource over HTTP).
 */
@FunctionalInterface
public interface MemberContent {

  /** Fills the store in the config's data folder, for a node at the config's base URL. */
  void fill(NodeConfig config);

  /** Nothing: the store starts empty (or as it was). */
  static MemberContent none() {
    return config -> {};
  }

  /** What a sample import tells: the resources the store held already, or what it published. */
  interface SampleReport {
    /** The store held resources already; nothing was imported. */
    void held(long resources);

    /** The sample was published. */
    void published(ImportSummary summary);
  }

  /**
   * The institution's sample content with IRIs under the member's base URL, unless the store holds
   * resources already; fails when any resource is refused.
   */
  static MemberContent sample(Institution institution) {
    return sample(
        institution,
        new PrintWriter(Writer.nullWriter()),
        new SampleReport() {
          @Override
          public void held(long resources) {}

          @Override
          public void published(ImportSummary summary) {}
        });
  }

  /** As {@link #sample(Institution)}, the import's progress on progress, its outcome to report. */
  static MemberContent sample(Institution institution, PrintWriter progress, SampleReport report) {
    return config -> {
      try (ResourceStore store = openStore(config)) {
        long held = store.count();
        if (held > 0) {
          report.held(held);
          return;
        }
        ImportSummary summary =
            SampleImport.publish(
                store,
                VocabShapeValidator.create(),
                config.server().baseUrl(),
                institution,
                progress);
        if (summary.exitCode() != 0) {
          throw new IllegalStateException(
              "the "
                  + institution.key()
                  + " sample content was refused in part ("
                  + summary.rejected().size()
                  + " resources)");
        }
        report.published(summary);
      }
    };
  }

  /**
   * The member's store as the node will open it (TDB2 with its text index), stored resources
   * attributed as the node attributes them; the caller closes it before the member starts.
   */
  static ResourceStore openStore(NodeConfig config) {
    return new ResourceStore(
        OpenDataset.of(NodeDataset.open(config.server().dataDir())),
        new ResourceIds(config.server().baseUrl().toString()),
        config.attribution(),
        Clock.systemUTC());
  }
}
