package network.baton.node.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import network.baton.node.config.ConfigException;
import network.baton.node.config.NodeConfig;
import network.baton.node.config.NodeConfigReader;
import network.baton.node.importer.DataDirGuard;
import network.baton.node.importer.DataDirInUseException;
import network.baton.node.importer.ImportFileReader;
import network.baton.node.importer.ImportItem;
import network.baton.node.importer.ImportProgress;
import network.baton.node.importer.ImportSummary;
import network.baton.node.importer.NodeRefusedException;
import network.baton.node.importer.OfflineImporter;
import network.baton.node.importer.OnlineImporter;
import network.baton.node.importer.ParsedFile;
import network.baton.node.importer.Rejection;
import network.baton.node.resources.VocabShapeValidator;
import network.baton.node.store.NodeDataset;
import network.baton.node.store.OpenDataset;
import network.baton.node.store.ResourceIds;
import network.baton.node.store.ResourceStore;
import network.baton.vocab.ContextLoader;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `baton import`: bulk load of Turtle, N-Triples and JSON-LD files, offline or through a node. */
@Command(
    name = "import",
    description = {
      "Imports resources from Turtle (.ttl), N-Triples (.nt) or JSON-LD (.jsonld, .json) files:",
      "each subject typed as an institution, curriculum, course or learning resource is one resource.",
      "Offline (--data) into a stopped node's store, or through a running node (--node, --token).",
      "Exit code: 0 all stored, 1 some rejected (listed with reasons), 2 usage or I/O error."
    },
    footer = {
      "",
      "Examples:",
      "  baton import --data ./data --base-url http://localhost:8080 courses.ttl",
      "  baton import --data ./data --config node.yaml kosen.jsonld university.jsonld",
      "  baton import --node http://localhost:8080 --token $TOKEN courses.ttl"
    })
final class ImportCommand extends TaskCommand {

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  @CommandLine.Mixin CaCertOptions ca = new CaCertOptions();

  static final class Target {
    @Option(names = "--data", paramLabel = "DIR", description = "data folder of a stopped node")
    Path data;

    @Option(names = "--node", paramLabel = "URL", description = "URL of a running node")
    URI node;
  }

  @Option(names = "--token", paramLabel = "T", description = "admin token (with --node)")
  String token;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "node config (with --data): base URL, DID")
  Path config;

  @Option(names = "--base-url", paramLabel = "URL", description = "node base URL (with --data)")
  URI baseUrl;

  @Option(
      names = "--batch",
      paramLabel = "N",
      description =
          "resources per transaction (offline) or per request and transaction (with --node)"
              + " (default: "
              + OfflineImporter.DEFAULT_BATCH
              + " offline, "
              + OnlineImporter.DEFAULT_BATCH
              + " with --node)")
  Integer batch;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      defaultValue = "4",
      description = "requests in flight with --node (default: ${DEFAULT-VALUE})")
  int concurrency;

  @Option(
      names = "--replace",
      description =
          "replace resources that exist (a new version, as PUT) instead of rejecting them")
  boolean replace;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "files to import")
  List<Path> files;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      checkUsage();
      ImportSummary summary = target.data != null ? offline(err) : online(err);
      summary.print(out);
      return summary.exitCode();
    } catch (ConfigException
        | DataDirInUseException
        | NodeRefusedException
        | UncheckedIOException
        | IllegalArgumentException e) {
      err.println("baton import: " + BatonCli.oneLine(e));
      return 2;
    }
  }

  private void checkUsage() {
    if ((batch != null && batch < 1) || concurrency < 1) {
      throw new ConfigException("--batch and --concurrency must be at least 1");
    }
    if (target.node != null && (token == null || token.isBlank())) {
      throw new ConfigException("--node needs --token T (an admin token of that node)");
    }
    if (target.data != null && token != null) {
      throw new ConfigException("--token is for --node; an offline import needs no token");
    }
    if (target.node != null && (config != null || baseUrl != null)) {
      throw new ConfigException(
          "--config and --base-url are for --data; with --node the node names its base URL");
    }
    for (Path file : files) {
      if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
        throw new ConfigException("no readable file " + file);
      }
    }
  }

  private ImportSummary offline(PrintWriter err) {
    NodeConfig node = nodeConfig();
    Path data = target.data.toAbsolutePath().normalize();
    DataDirGuard.requireNotInUse(data);
    List<ImportItem> items = new ArrayList<>();
    List<Rejection> rejected = new ArrayList<>();
    read(
        new ImportFileReader(
            ContextLoader.bundled(),
            node.server().baseUrl().toString(),
            node.input().maxNestingDepth()),
        items,
        rejected,
        err);
    VocabShapeValidator validator = VocabShapeValidator.create();
    try (ResourceStore store =
        new ResourceStore(
            OpenDataset.of(NodeDataset.open(data)),
            new ResourceIds(node.server().baseUrl().toString()),
            node.attribution(),
            Clock.systemUTC())) {
      return new OfflineImporter(
              store, validator, batch != null ? batch : OfflineImporter.DEFAULT_BATCH, replace)
          .run(items, rejected, ImportProgress.on(err, items.size()), stored -> {});
    }
  }

  private ImportSummary online(PrintWriter err) {
    HttpClient client = ca.client(Duration.ofSeconds(10));
    OnlineImporter importer =
        new OnlineImporter(
            client,
            target.node,
            token,
            concurrency,
            replace,
            batch != null ? batch : OnlineImporter.DEFAULT_BATCH);
    String base = importer.baseUrl();
    List<ImportItem> items = new ArrayList<>();
    List<Rejection> rejected = new ArrayList<>();
    read(new ImportFileReader(ContextLoader.bundled(), base), items, rejected, err);
    return importer.run(items, rejected, ImportProgress.on(err, items.size()), iri -> {});
  }

  private void read(
      ImportFileReader reader, List<ImportItem> items, List<Rejection> rejected, PrintWriter err) {
    for (Path file : files) {
      ParsedFile parsed = reader.read(file);
      items.addAll(parsed.items());
      rejected.addAll(parsed.rejected());
      if (parsed.otherTriples() > 0) {
        err.println(
            "baton import: "
                + file
                + ": "
                + parsed.otherTriples()
                + " triple(s) about subjects that are not resources were not imported");
      }
    }
    err.println("baton import: " + items.size() + " resource(s) in " + files.size() + " file(s)");
  }

  private NodeConfig nodeConfig() {
    NodeConfig node;
    if (config != null) {
      node = new NodeConfigReader().read(config);
    } else if (baseUrl != null) {
      node = NodeConfig.defaults(target.data, baseUrl);
    } else {
      throw new ConfigException(
          "--data needs --base-url URL or --config FILE (relative IRIs resolve against it)");
    }
    return baseUrl == null ? node : node.withServer(s -> s.withBaseUrl(baseUrl));
  }
}
