package network.baton.node.importer;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import network.baton.node.resources.ResourceValidator;
import network.baton.node.store.ResourceStore;
import network.baton.vocab.ContextLoader;
import network.baton.vocab.SampleContent;
import network.baton.vocab.SampleContent.Institution;

/**
 * Publishes one sample institution's content into a node's store through the validated write path
 * of `baton import`, so a first run (`baton node --sample`, `baton demo`) has something to show.
 */
public final class SampleImport {
  private static final int BATCH_SIZE = 200;

  private SampleImport() {}

  /**
   * Publishes the institution's sample content with IRIs under {@code baseUrl}, reporting progress
   * on {@code progress}; returns what was stored and refused.
   */
  public static ImportSummary publish(
      ResourceStore store,
      ResourceValidator validator,
      URI baseUrl,
      Institution institution,
      PrintWriter progress) {
    String base = baseUrl.toString();
    ImportFileReader reader =
        new ImportFileReader(ContextLoader.bundled(), base.endsWith("/") ? base : base + "/");
    String text = SampleContent.create().text(institution);
    ParsedFile file =
        reader.split(
            institution.resource(),
            reader.parse(text, ImportFormat.of(Path.of(institution.resource()), text)));
    return new OfflineImporter(store, validator, BATCH_SIZE)
        .run(
            file.items(),
            file.rejected(),
            ImportProgress.on(progress, file.items().size()),
            s -> {});
  }
}
