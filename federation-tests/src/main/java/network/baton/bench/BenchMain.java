package network.baton.bench;

import io.vertx.core.json.JsonArray;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * `baton bench`: the node's benchmarks, each measured next to a baseline in the same run and
 * reported as a ratio; prints a table and writes a JSON result file.
 *
 * <p>Over 400 lines because it is one thing: the command line of every benchmark, one method per
 * subcommand with its options, their defaults and help texts. What runs around a benchmark (scratch
 * folders, the generated store, the report) is {@link BenchRun}; each benchmark is its own class.
 */
@Command(
    name = "baton bench",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmarks of one node, each next to a baseline measured in the same run:",
      "  import  triples/s of the offline and online importers vs Jena's TDB2 bulk loader",
      "  search  local search p50/p99 (in-process and GET /search) vs a jena-text SPARQL query",
      "  sparql  GET /sparql throughput with concurrent clients vs the same query in-process",
      "  all     all three (search and sparql share one store)",
      "  credentials  issue and verify through the HTTP API vs raw Bouncy Castle sign and verify",
      "  federation   federated search p50/p99, 5 to 100 members, vs local and sequential",
      "  abuse   honest clients' /search p50/p99 while attackers send runaway SPARQL, vs alone",
      "  descriptor   GET /.well-known/baton-node requests/s and /health p99 under it, vs the"
          + " old full scan"
    },
    subcommands = {CommandLine.HelpCommand.class})
public final class BenchMain implements Runnable {

  private static final int IMPORT_WARMUP = 2;
  private static final int IMPORT_ITERATIONS = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Runs the benchmarks named by args and exits with 0, or 1 when one failed. */
  public static void main(String[] args) {
    System.exit(
        execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /** Runs with these streams and returns the exit code (for tests). */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new BenchMain());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("baton bench: " + e.getMessage());
          return 1;
        });
    return cli.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = "Import rate through the node vs Jena's TDB2 bulk loader (a few minutes).")
  int importBench(
      @Mixin BenchOptions options,
      @Option(
              names = "--resources",
              defaultValue = "500",
              description =
                  "Resources to import (default: ${DEFAULT-VALUE}, about 15,000 triples).")
          int resources,
      @Option(
              names = "--warmup",
              defaultValue = "" + IMPORT_WARMUP,
              description =
                  "Untimed rounds of the same size first, for the JIT (default: ${DEFAULT-VALUE}).")
          int warmup,
      @Option(
              names = "--iterations",
              defaultValue = "" + IMPORT_ITERATIONS,
              description = "Timed rounds, median reported (default: ${DEFAULT-VALUE}).")
          int iterations) {
    return report(options, "import", importResult(options, resources, warmup, iterations));
  }

  @Command(
      name = "search",
      mixinStandardHelpOptions = true,
      description = "Local search latency vs a jena-text SPARQL query.")
  int searchBench(
      @Mixin BenchOptions options,
      @Option(
              names = "--resources",
              defaultValue = "50000",
              description = "Generated resources (default: ${DEFAULT-VALUE}).")
          int resources,
      @Option(
              names = "--warmup",
              defaultValue = "200",
              description = "Untimed queries per way (default: ${DEFAULT-VALUE}).")
          int warmup,
      @Option(
              names = "--iterations",
              defaultValue = "1000",
              description = "Timed queries per way (default: ${DEFAULT-VALUE}).")
          int iterations) {
    return report(
        options,
        "search",
        withDataset(
            options,
            resources,
            node -> List.of(new SearchBench(progress()).run(node, resources, warmup, iterations))));
  }

  @Command(
      name = "sparql",
      mixinStandardHelpOptions = true,
      description = "GET /sparql throughput vs the same query in-process.")
  int sparqlBench(
      @Mixin BenchOptions options,
      @Option(
              names = "--resources",
              defaultValue = "50000",
              description = "Generated resources (default: ${DEFAULT-VALUE}).")
          int resources,
      @Option(
              names = "--warmup",
              defaultValue = "200",
              description = "Untimed queries per way (default: ${DEFAULT-VALUE}).")
          int warmup,
      @Option(
              names = "--iterations",
              defaultValue = "2000",
              description = "Timed queries per way (default: ${DEFAULT-VALUE}).")
          int iterations,
      @Option(
              names = "--clients",
              defaultValue = "4",
              description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
          int clients) {
    return report(
        options,
        "sparql",
        withDataset(
            options,
            resources,
            node ->
                List.of(
                    new SparqlBench(progress())
                        .run(node, resources, warmup, iterations, clients))));
  }

  @Command(
      name = "all",
      mixinStandardHelpOptions = true,
      description =
          "import, search and sparql with their default settings (several minutes; not"
              + " federation, which starts up to 100 nodes: run it on its own).")
  int allBench(
      @Mixin BenchOptions options,
      @Option(
              names = "--import-resources",
              defaultValue = "500",
              description = "Resources for import (default: ${DEFAULT-VALUE}).")
          int importResources,
      @Option(
              names = "--resources",
              defaultValue = "50000",
              description = "Resources for search and sparql (default: ${DEFAULT-VALUE}).")
          int resources,
      @Option(
              names = "--warmup",
              defaultValue = "200",
              description =
                  "Untimed queries per way (default: ${DEFAULT-VALUE}; import: "
                      + IMPORT_WARMUP
                      + " rounds).")
          int warmup,
      @Option(
              names = "--iterations",
              defaultValue = "1000",
              description =
                  "Timed queries per way (default: ${DEFAULT-VALUE}; import: "
                      + IMPORT_ITERATIONS
                      + " rounds, sparql: twice as many).")
          int iterations) {
    List<BenchResult> results =
        new ArrayList<>(importResult(options, importResources, IMPORT_WARMUP, IMPORT_ITERATIONS));
    results.addAll(
        withDataset(
            options,
            resources,
            node ->
                List.of(
                    new SearchBench(progress()).run(node, resources, warmup, iterations),
                    new SparqlBench(progress()).run(node, resources, warmup, iterations * 2, 4))));
    return report(options, "all", results);
  }

  @Command(
      name = "federation",
      mixinStandardHelpOptions = true,
      description =
          "Federated search latency for several network sizes vs one member's local search and"
              + " vs a sequential baseline, then one hung member vs the deadline (a few minutes).")
  int federationBench(
      @Mixin BenchOptions options,
      @Option(
              names = "--members",
              paramLabel = "N",
              split = ",",
              defaultValue = "5,20,50,100",
              description = "Member counts, comma-separated (default: ${DEFAULT-VALUE}).")
          List<Integer> members,
      @Option(
              names = "--resources-per-member",
              paramLabel = "N",
              defaultValue = "100",
              description =
                  "Generated resources in each member's store (default: ${DEFAULT-VALUE}).")
          int resources,
      @Option(
              names = "--warmup",
              defaultValue = "20",
              description = "Untimed rounds per member count (default: ${DEFAULT-VALUE}).")
          int warmup,
      @Option(
              names = "--iterations",
              defaultValue = "100",
              description =
                  "Timed rounds per member count, each one federated search, one local search and"
                      + " one sequential pass (default: ${DEFAULT-VALUE}).")
          int iterations,
      @Option(
              names = "--deadline",
              paramLabel = "MS",
              defaultValue = "2000",
              description = "Federated search deadline in ms (default: ${DEFAULT-VALUE}).")
          long deadline,
      @Option(
              names = "--hung-iterations",
              paramLabel = "N",
              defaultValue = "5",
              description = "Requests with one hung member (default: ${DEFAULT-VALUE}).")
          int hungIterations,
      @Option(
              names = "--max-in-flight",
              paramLabel = "N",
              defaultValue = "16",
              description =
                  "The coordinator's member calls in flight at once (default: ${DEFAULT-VALUE},"
                      + " the node's).")
          int maxInFlight,
      @Option(
              names = "--link-delay",
              paramLabel = "MS",
              defaultValue = "0",
              description =
                  "Simulated network latency to every member in ms: each member is reached through"
                      + " a relay holding its answers that long (default: ${DEFAULT-VALUE}, plain"
                      + " loopback).")
          long linkDelay) {
    FederationBench.Settings settings =
        settings(
            () ->
                new FederationBench.Settings(
                    members,
                    resources,
                    warmup,
                    iterations,
                    deadline,
                    hungIterations,
                    maxInFlight,
                    linkDelay));
    FederationBench.Report report =
        bench().inWorkFolder(options, work -> new FederationBench(progress()).run(work, settings));
    int code = report(options, "federation", report.results());
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%n%s", report.markdown());
    out.flush();
    return code;
  }

  @Command(
      name = "abuse",
      mixinStandardHelpOptions = true,
      description =
          "A paced, mixed read load of honest clients, alone, while attackers send runaway"
              + " SPARQL queries, and alone again: GET /search p50/p99 with and without the"
              + " attack (about 2 minutes).")
  int abuseBench(
      @Mixin BenchOptions options,
      @Option(
              names = "--resources",
              defaultValue = "2000",
              description = "Generated resources (default: ${DEFAULT-VALUE}).")
          int resources,
      @Option(
              names = "--clients",
              defaultValue = "16",
              description = "Honest clients (default: ${DEFAULT-VALUE}).")
          int clients,
      @Option(
              names = "--rate",
              defaultValue = "10",
              description =
                  "Requests per second of each honest client (default: ${DEFAULT-VALUE}).")
          int rate,
      @Option(
              names = "--attackers",
              defaultValue = "4",
              description = "Clients sending runaway SPARQL queries (default: ${DEFAULT-VALUE}).")
          int attackers,
      @Option(
              names = "--warmup",
              defaultValue = "5",
              description =
                  "Untimed seconds at the start of each phase (default: ${DEFAULT-VALUE}).")
          int warmup,
      @Option(
              names = "--measure",
              defaultValue = "20",
              description = "Timed seconds per phase (default: ${DEFAULT-VALUE}).")
          int measure) {
    AbuseBench.Settings settings =
        settings(
            () ->
                new AbuseBench.Settings(
                    clients,
                    attackers,
                    rate,
                    Duration.ofSeconds(warmup),
                    Duration.ofSeconds(measure)));
    return report(
        options,
        "abuse",
        withDataset(
            options,
            resources,
            node -> List.of(new AbuseBench(progress()).run(node, resources, settings))));
  }

  @Command(
      name = "credentials",
      mixinStandardHelpOptions = true,
      description =
          "Issue and verify throughput through the HTTP API vs raw Bouncy Castle Ed25519 (about 90 s).")
  int credentialsBench(
      @Mixin BenchOptions options,
      @Option(
              names = "--warmup",
              defaultValue = "2",
              description = "Untimed seconds per phase (default: ${DEFAULT-VALUE}).")
          int warmup,
      @Option(
              names = "--measure",
              defaultValue = "5",
              description = "Timed seconds per phase (default: ${DEFAULT-VALUE}).")
          int measure,
      @Option(
              names = "--concurrency",
              defaultValue = "4",
              description = "Concurrent clients and signing threads (default: ${DEFAULT-VALUE}).")
          int concurrency,
      @Option(
              names = "--format",
              defaultValue = "jwt,di",
              description = "Issuing formats: jwt, di or jwt,di (default: ${DEFAULT-VALUE}).")
          String formats) {
    CredentialBenchmark.Options settings =
        settings(() -> CredentialBenchmark.Options.of(warmup, measure, concurrency, formats));
    CredentialBenchmark.Result result = CredentialBenchmark.run(settings, System.out);
    return bench().write(options, "credentials", new JsonArray().add(result.toJson()));
  }

  @Command(
      name = "descriptor",
      mixinStandardHelpOptions = true,
      description =
          "GET /.well-known/baton-node requests/s and /health p99 while it is hammered, served from"
              + " memory vs the old full scan per request (about 30 s).")
  int descriptorBench(
      @Mixin BenchOptions options,
      @Option(
              names = "--resources",
              defaultValue = "5000",
              description = "Generated resources in the store (default: ${DEFAULT-VALUE}).")
          int resources,
      @Option(
              names = "--clients",
              defaultValue = "16",
              description = "Concurrent descriptor clients (default: ${DEFAULT-VALUE}).")
          int clients,
      @Option(
              names = "--warmup",
              paramLabel = "SECONDS",
              defaultValue = "2",
              description =
                  "Seconds of load before the timed ones, per way, to reach a steady state"
                      + " (default: ${DEFAULT-VALUE}).")
          double warmup,
      @Option(
              names = "--measure",
              paramLabel = "SECONDS",
              defaultValue = "5",
              description = "Timed seconds per way (default: ${DEFAULT-VALUE}).")
          double measure) {
    DescriptorBench.Settings settings =
        settings(() -> new DescriptorBench.Settings(resources, clients, warmup, measure));
    return report(
        options,
        "descriptor",
        bench()
            .inWorkFolder(
                options,
                work ->
                    List.of(new DescriptorBench(progress()).run(work.resolve("store"), settings))));
  }

  private BenchRun bench() {
    return new BenchRun(spec.commandLine());
  }

  private List<BenchResult> importResult(
      BenchOptions options, int resources, int warmup, int iterations) {
    BenchRun bench = bench();
    bench.requirePositive(resources, iterations);
    return bench.inWorkFolder(
        options,
        work -> List.of(new ImportBench(work, progress()).run(resources, warmup, iterations)));
  }

  private List<BenchResult> withDataset(
      BenchOptions options, int resources, BenchRun.OnNode benchmarks) {
    return bench().withDataset(options, resources, benchmarks);
  }

  private <T> T settings(Supplier<T> settings) {
    return bench().settings(settings);
  }

  private PrintWriter progress() {
    return spec.commandLine().getErr();
  }

  private int report(BenchOptions options, String name, List<BenchResult> results) {
    return bench().report(options, name, results);
  }
}
