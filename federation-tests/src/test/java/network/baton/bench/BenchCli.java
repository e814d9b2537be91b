package network.baton.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Runs {@code baton bench} in-process, keeping what it printed. */
final class BenchCli {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  int run(String... args) {
    return BenchMain.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  /** Runs a benchmark that writes its JSON into out and works in the folder work. */
  int writingJson(Path out, Path work, String... benchmark) {
    String[] args = java.util.Arrays.copyOf(benchmark, benchmark.length + 2);
    args[benchmark.length] = "--out=" + out;
    args[benchmark.length + 1] = "--work=" + work;
    return run(args);
  }

  String out() {
    return out.toString();
  }

  String err() {
    return err.toString();
  }

  /** The files a run wrote into its --out folder. */
  static List<Path> written(Path folder) throws IOException {
    try (Stream<Path> listed = Files.list(folder)) {
      return listed.toList();
    }
  }
}
