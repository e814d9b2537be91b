package network.baton.bench;

import picocli.CommandLine.Option;

/** The store size and warm-up of the query benchmarks (search, sparql). */
final class QueryBenchOptions {

  @Option(
      names = "--resources",
      defaultValue = "50000",
      description = "Generated resources (default: ${DEFAULT-VALUE}).")
  int resources;

  @Option(
      names = "--warmup",
      defaultValue = "200",
      description = "Untimed queries per way (default: ${DEFAULT-VALUE}).")
  int warmup;
}
