package network.baton.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import network.baton.node.importer.ImportFileReader;
import network.baton.node.importer.ImportProgress;
import network.baton.node.importer.ImportSummary;
import network.baton.node.importer.OfflineImporter;
import network.baton.node.importer.OnlineImporter;
import network.baton.node.importer.ParsedFile;
import network.baton.node.resources.VocabShapeValidator;
import network.baton.node.search.BenchmarkResources;
import network.baton.node.store.NodeDataset;
import network.baton.node.store.OpenDataset;
import network.baton.node.store.ResourceIds;
import network.baton.node.store.ResourceStore;
import network.baton.vocab.ContextLoader;
import network.baton.vocab.SampleContent;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.progress.MonitorOutput;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Import rate (input triples per second) of the node's two importers, each reading the same
 * generated N-Triples file: offline into a stopped store, and online over HTTP into a running node.
 * Baseline: Jena's TDB2 bulk loaders (basic and parallel, the faster counts) loading the same
 * resources as N-Quads into a fresh TDB2 folder. The node does more per triple than the bulk loader
 * (SHACL validation, provenance, change log, text index), which the ratio includes.
 */
public final class ImportBench {

  private static final Logger log = LoggerFactory.getLogger(ImportBench.class);
  private static final int OFFLINE_BATCH = OfflineImporter.DEFAULT_BATCH;
  private static final int ONLINE_CONCURRENCY = 4;
  private static final int ONLINE_BATCH = OnlineImporter.DEFAULT_BATCH;
  // The loaders need a monitor (null fails inside their worker threads); this one says nothing.
  private static final MonitorOutput SILENT = (format, args) -> {};

  private final Path work;
  private final PrintWriter progress;

  /** A benchmark using scratch folders under work, telling progress to progress. */
  public ImportBench(Path work, PrintWriter progress) {
    this.work = work;
    this.progress = progress;
  }

  /** Generated input: the same resources as N-Triples (for the node) and N-Quads (for Jena). */
  private record Input(Path ntriples, Path nquads, long triples, int resources) {}

  /**
   * Runs warmup untimed rounds, then iterations timed rounds, each of every importer and loader on
   * the same resources. The warm-up rounds are full size: the node's code (SHACL, Lucene analysis,
   * TDB2 writes) keeps the JIT compilers busy on a cold JVM far longer than the bulk loader's
   * smaller path does, so small warm-up rounds would measure compilation rather than importing.
   */
  public BenchResult run(int resources, int warmup, int iterations) {
    Input input = write(resources, "input");
    try {
      return measure(input, warmup, iterations);
    } finally {
      BenchFiles.deleteTree(input.ntriples().getParent());
    }
  }

  private BenchResult measure(Input input, int warmup, int iterations) {
    int resources = input.resources();
    for (int i = 0; i < warmup; i++) {
      progress.printf("import: warm-up round %d of %d (%d resources)%n", i + 1, warmup, resources);
      progress.flush();
      jenaRate(input, false);
      jenaRate(input, true);
      offlineRate(input);
      onlineRate(input);
    }
    List<Double> jenaBasic = new ArrayList<>();
    List<Double> jenaParallel = new ArrayList<>();
    List<Double> offline = new ArrayList<>();
    List<Double> online = new ArrayList<>();
    for (int i = 0; i < iterations; i++) {
      progress.printf("import: round %d of %d (%d resources)%n", i + 1, iterations, resources);
      progress.flush();
      jenaBasic.add(jenaRate(input, false));
      jenaParallel.add(jenaRate(input, true));
      offline.add(offlineRate(input));
      online.add(onlineRate(input));
    }
    double basic = median(jenaBasic);
    double parallel = median(jenaParallel);
    double jena = Math.max(basic, parallel);
    String jenaName = basic >= parallel ? "Jena TDB2 basicLoader" : "Jena TDB2 parallelLoader";
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("resources", resources);
    settings.put("triples", input.triples());
    settings.put("warmup", warmup);
    settings.put("iterations", iterations);
    settings.put("onlineConcurrency", ONLINE_CONCURRENCY);
    settings.put("onlineBatch", ONLINE_BATCH);
    settings.put("offlineBatch", OFFLINE_BATCH);
    settings.put("jenaBasicTriplesPerSecond", basic);
    settings.put("jenaParallelTriplesPerSecond", parallel);
    List<Comparison> comparisons =
        List.of(
            new Comparison(
                "offline import (baton import --data)",
                "triples/s",
                median(offline),
                jenaName,
                jena,
                true),
            new Comparison(
                "online import (POST /resources/batch of "
                    + ONLINE_BATCH
                    + ", "
                    + ONLINE_CONCURRENCY
                    + " in flight)",
                "triples/s",
                median(online),
                jenaName,
                jena,
                true));
    List<String> notes = new ArrayList<>();
    for (Comparison c : comparisons) {
      notes.add(
          String.format(
              java.util.Locale.ROOT,
              "%s: %.0f%% of Jena's bulk load rate; target at least 50%%: %s",
              c.name(),
              c.ratio() * 100,
              c.ratio() >= 0.5 ? "met" : "NOT met"));
    }
    notes.add(
        "rates count input triples; the node also validates (SHACL), adds provenance and a"
            + " change-log entry and indexes text, which the bulk loader does not");
    return new BenchResult("import", settings, comparisons, notes);
  }

  private Input write(int resources, String name) {
    BenchmarkResources generator =
        BenchmarkResources.fromSample(SampleContent.create(), BenchNode.BASE_URL);
    Path folder = BenchFiles.newFolder(work, name + "-");
    Path nt = folder.resolve("resources.nt");
    Path nq = folder.resolve("resources.nq");
    long[] triples = {0};
    try (OutputStream ntOut = Files.newOutputStream(nt);
        OutputStream nqOut = Files.newOutputStream(nq)) {
      StreamRDF ntStream = StreamRDFWriter.getWriterStream(ntOut, RDFFormat.NTRIPLES);
      StreamRDF nqStream = StreamRDFWriter.getWriterStream(nqOut, RDFFormat.NQUADS);
      ntStream.start();
      nqStream.start();
      generator
          .generate(resources)
          .forEach(
              r -> {
                var graphName = NodeFactory.createURI(r.iri());
                r.graph()
                    .find()
                    .forEachRemaining(
                        t -> {
                          ntStream.triple(t);
                          nqStream.quad(org.apache.jena.sparql.core.Quad.create(graphName, t));
                          triples[0]++;
                        });
              });
      ntStream.finish();
      nqStream.finish();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write benchmark input under " + folder, e);
    }
    return new Input(nt, nq, triples[0], resources);
  }

  private double jenaRate(Input input, boolean parallel) {
    Path folder = BenchFiles.newFolder(work, "jena-");
    try {
      long started = System.nanoTime();
      DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(folder.toString());
      try {
        DataLoader loader =
            parallel
                ? LoaderFactory.parallelLoader(dsg, SILENT)
                : LoaderFactory.basicLoader(dsg, SILENT);
        loader.startBulk();
        loader.load(input.nquads().toString());
        loader.finishBulk();
        long loaded = loader.countQuads() + loader.countTriples();
        if (loaded != input.triples()) {
          throw new IllegalStateException(
              "Jena loaded " + loaded + " quads, expected " + input.triples());
        }
      } finally {
        TDBInternal.expel(dsg);
      }
      return rate(input.triples(), System.nanoTime() - started);
    } finally {
      BenchFiles.deleteTree(folder);
    }
  }

  private double offlineRate(Input input) {
    Path folder = BenchFiles.newFolder(work, "offline-");
    try {
      long started = System.nanoTime();
      ImportSummary summary;
      try (ResourceStore store =
          new ResourceStore(
              OpenDataset.of(NodeDataset.open(folder)),
              new ResourceIds(BenchNode.BASE_URL),
              "bench",
              Clock.systemUTC())) {
        ParsedFile file = reader().read(input.ntriples());
        summary =
            new OfflineImporter(store, VocabShapeValidator.create(), OFFLINE_BATCH)
                .run(file.items(), file.rejected(), quiet(input), stored -> {});
      }
      return checked(summary, input, System.nanoTime() - started, ImportSummary::stored);
    } finally {
      BenchFiles.deleteTree(folder);
    }
  }

  private double onlineRate(Input input) {
    Path folder = BenchFiles.newFolder(work, "online-");
    try (BenchNode node = BenchNode.start(folder)) {
      long started = System.nanoTime();
      ParsedFile file = reader().read(input.ntriples());
      ImportSummary summary =
          new OnlineImporter(
                  HttpClient.newHttpClient(),
                  node.url(),
                  BenchNode.TOKEN,
                  ONLINE_CONCURRENCY,
                  false,
                  ONLINE_BATCH)
              .run(file.items(), file.rejected(), quiet(input), iri -> {});
      return checked(summary, input, System.nanoTime() - started, ImportSummary::stored);
    } finally {
      BenchFiles.deleteTree(folder);
    }
  }

  private static ImportFileReader reader() {
    return new ImportFileReader(ContextLoader.bundled(), BenchNode.BASE_URL);
  }

  private static ImportProgress quiet(Input input) {
    return ImportProgress.on(new PrintWriter(Writer.nullWriter()), input.resources());
  }

  /** The rate of an import that stored every resource; one rejected resource voids the run. */
  private static double checked(
      ImportSummary summary, Input input, long nanos, ToLongFunction<ImportSummary> stored) {
    if (stored.applyAsLong(summary) != input.resources() || !summary.rejected().isEmpty()) {
      log.warn("import rejected resources [first: {}]", summary.rejected().stream().findFirst());
      throw new IllegalStateException(
          "the import stored "
              + stored.applyAsLong(summary)
              + " of "
              + input.resources()
              + " resources, rejected "
              + summary.rejected().size());
    }
    return rate(input.triples(), nanos);
  }

  private static double rate(long triples, long nanos) {
    return triples / (nanos / 1e9);
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
