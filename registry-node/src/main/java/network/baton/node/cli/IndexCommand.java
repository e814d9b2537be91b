package network.baton.node.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import network.baton.node.importer.DataDirGuard;
import network.baton.node.importer.DataDirInUseException;
import network.baton.node.store.NodeDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `baton index`: maintenance of a stopped node's text index. */
@Command(
    name = "index",
    description = {
      "Text index maintenance for a stopped node.",
      "Exit code: 0 done, 2 usage error, or the data folder is in use or cannot be opened."
    },
    subcommands = {IndexCommand.Rebuild.class},
    footer = {"", "Example:", "  baton index rebuild --data ./data"})
final class IndexCommand extends CommandGroup {

  /** Rebuilds the text index from the store. */
  @Command(
      name = "rebuild",
      description = {
        "Throws the text index away and indexes every name, description and keyword again.",
        "Exit code: 0 done, 2 when the data folder is in use or cannot be opened."
      },
      footer = {"", "Example:", "  baton index rebuild --data ./data"})
  static final class Rebuild extends TaskCommand {

    @Option(
        names = "--data",
        paramLabel = "DIR",
        required = true,
        description = "data folder of a stopped node")
    Path data;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Path folder = data.toAbsolutePath().normalize();
      try {
        DataDirGuard.requireNotInUse(folder);
      } catch (DataDirInUseException e) {
        err.println("baton index: " + e.getMessage());
        return 2;
      }
      long started = System.nanoTime();
      // NodeDataset.rebuild reports no progress of its own: show that it is alive and for how long.
      ScheduledExecutorService ticker =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread thread = new Thread(r, "baton-index-progress");
                thread.setDaemon(true);
                return thread;
              });
      try (NodeDataset store = NodeDataset.open(folder)) {
        err.println("baton index: rebuilding the text index of " + folder);
        ticker.scheduleAtFixedRate(
            () -> {
              err.println(
                  "baton index: still rebuilding ("
                      + (System.nanoTime() - started) / 1_000_000_000L
                      + " s)");
              err.flush();
            },
            2,
            2,
            TimeUnit.SECONDS);
        long literals = store.rebuild();
        out.printf(
            "text index rebuilt: %d literal(s) indexed, %d document(s), in %.1f s%n",
            literals, store.indexedDocuments(), (System.nanoTime() - started) / 1e9);
        return 0;
      } catch (RuntimeException e) {
        err.println(
            "baton index: cannot rebuild the index in " + folder + ": " + BatonCli.oneLine(e));
        return 2;
      } finally {
        ticker.shutdownNow();
      }
    }
  }
}
