package network.baton.bench;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every benchmark shares: where results and scratch data go. */
final class BenchOptions {

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Folder for the JSON result file (default: ${DEFAULT-VALUE}).",
      defaultValue = "${sys:baton.bench.out:-target/bench}")
  Path out;

  @Option(
      names = "--work",
      paramLabel = "DIR",
      description = "Folder for scratch stores, deleted afterwards (default: the temp folder).",
      defaultValue = "${sys:java.io.tmpdir}")
  Path work;
}
