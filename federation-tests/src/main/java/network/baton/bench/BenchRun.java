package network.baton.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * What every `baton bench` subcommand does around its benchmark: a scratch folder deleted
 * afterwards, a generated store, settings refused as usage errors, and the results printed as a
 * table and written to a JSON file with the machine they were measured on.
 */
final class BenchRun {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  /** Benchmarks run against one node over a generated store. */
  interface OnNode {
    List<BenchResult> run(BenchNode node);
  }

  private final CommandLine command;

  BenchRun(CommandLine command) {
    this.command = command;
  }

  /** The settings, or a usage error naming what is wrong with them. */
  <T> T settings(Supplier<T> settings) {
    try {
      return settings.get();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(command, e.getMessage());
    }
  }

  /** What the work gives, in a fresh scratch folder under {@code --work} deleted afterwards. */
  <T> T inWorkFolder(BenchOptions options, Function<Path, T> work) {
    Path folder = BenchFiles.newFolder(options.work, "baton-bench-");
    try {
      return work.apply(folder);
    } finally {
      BenchFiles.deleteTree(folder);
    }
  }

  /** The benchmarks' results on a node over a fresh store of this many generated resources. */
  List<BenchResult> withDataset(BenchOptions options, int resources, OnNode benchmarks) {
    requirePositive(resources, 1);
    return inWorkFolder(
        options,
        work -> {
          PrintWriter progress = command.getErr();
          progress.printf("writing %d generated resources into a fresh store...%n", resources);
          progress.flush();
          long started = System.nanoTime();
          try (BenchNode node = BenchDataset.start(work.resolve("store"), resources)) {
            progress.printf("store ready in %.1f s%n", (System.nanoTime() - started) / 1e9);
            progress.flush();
            return benchmarks.run(node);
          }
        });
  }

  void requirePositive(int resources, int iterations) {
    if (resources < 1 || iterations < 1) {
      throw new CommandLine.ParameterException(
          command, "--resources and --iterations must be at least 1");
    }
  }

  /** Prints the machine and the results, writes them to the result file, and returns 0. */
  int report(BenchOptions options, String name, List<BenchResult> results) {
    PrintWriter out = command.getOut();
    JsonObject machine = machine();
    out.printf("%nmachine: %s%n", machine.encode());
    results.forEach(r -> r.print(out));
    JsonArray array = new JsonArray();
    results.forEach(r -> array.add(r.toJson()));
    return write(options, name, machine, array);
  }

  /** Writes the results to {@code --out}/bench-{name}-{time}.json and returns 0. */
  int write(BenchOptions options, String name, JsonArray results) {
    return write(options, name, machine(), results);
  }

  private int write(BenchOptions options, String name, JsonObject machine, JsonArray results) {
    Instant now = Instant.now();
    JsonObject json =
        new JsonObject()
            .put("date", now.toString())
            .put("machine", machine)
            .put("results", results);
    PrintWriter out = command.getOut();
    Path file = options.out.resolve("bench-" + name + "-" + STAMP.format(now) + ".json");
    try {
      Files.createDirectories(options.out);
      Files.writeString(file, json.encodePrettily());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    out.printf("%nresults written to %s%n", file.toAbsolutePath());
    out.flush();
    return 0;
  }

  /** What the numbers were measured on, with the load at the end of the run. */
  static JsonObject machine() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return new JsonObject()
        .put("cores", Runtime.getRuntime().availableProcessors())
        .put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"))
        .put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"))
        .put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024))
        .put("loadAverage", os.getSystemLoadAverage());
  }
}
