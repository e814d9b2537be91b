package network.baton.node.cli;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import network.baton.node.MetricsVertx;
import network.baton.node.NodeSetup;
import network.baton.node.NodeVerticle;
import network.baton.node.config.ConfigException;
import network.baton.node.config.NodeConfig;
import network.baton.node.config.NodeConfigReader;
import network.baton.node.config.ServerTls;
import network.baton.node.importer.ImportSummary;
import network.baton.node.importer.SampleImport;
import network.baton.vocab.SampleContent.Institution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `baton node`: runs a registry node until interrupted, then closes its store cleanly. */
@Command(
    name = "node",
    description = {
      "Runs a registry node: linked-data API, SPARQL, health and metrics over a TDB2 store.",
      "Give a config file (JSON or YAML), or the three flags; flags override the file.",
      "Credentials (issue, verify, did.json) need the key passphrase in BATON_KEY_PASSPHRASE",
      "or keyPassphrase in the config; the first start then creates the node's signing key.",
      "Exit code: 0 stopped by Ctrl-C, 1 the node failed to start, 2 usage or config error."
    },
    footer = {
      "",
      "Examples:",
      "  baton node --config node.yaml",
      "  baton node --port 8080 --data ./data --base-url http://localhost:8080",
      "  baton node --config node.json --port 9090",
      "  baton node --config node.yaml --tls-certificate cert.pem --tls-key key.pem",
      "  baton node --port 8080 --data ./data --base-url http://localhost:8080 --sample kosen"
    })
final class NodeCommand extends TaskCommand {

  private static final Logger log = LoggerFactory.getLogger(NodeCommand.class);

  @Option(names = "--config", paramLabel = "FILE", description = "JSON or YAML node config")
  Path config;

  @Option(names = "--port", paramLabel = "N", description = "port to listen on (0: any free)")
  Integer port;

  @Option(names = "--data", paramLabel = "DIR", description = "folder of the node's store")
  Path data;

  @Option(names = "--base-url", paramLabel = "URL", description = "public http(s) URL of the node")
  String baseUrl;

  @Option(
      names = "--tls-certificate",
      paramLabel = "PEM",
      description = "serve https with this certificate chain (with --tls-key)")
  Path tlsCertificate;

  @Option(
      names = "--tls-key",
      paramLabel = "PEM",
      description = "the unencrypted private key of --tls-certificate")
  Path tlsKey;

  @Option(
      names = "--sample",
      paramLabel = "INSTITUTION",
      description =
          "publish this sample institution's content when the store is empty: kosen, university, highschool")
  String sample;

  @Override
  public Integer call() throws Exception {
    NodeConfig nodeConfig = resolve();
    Institution sampleInstitution = sample == null ? null : sampleInstitution();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Vertx vertx = MetricsVertx.create(registry);
    NodeSetup setup = NodeSetup.standard(nodeConfig).withMetrics(registry);
    NodeVerticle node = new NodeVerticle(nodeConfig, setup);
    try {
      vertx
          .deployVerticle(node)
          .toCompletionStage()
          .toCompletableFuture()
          .get(60, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      vertx.close();
      throw new IllegalStateException("node did not start: " + BatonCli.oneLine(e.getCause()), e);
    }
    if (sampleInstitution != null) {
      publishSample(node, setup, nodeConfig, sampleInstitution);
    }
    spec.commandLine()
        .getErr()
        .println(
            "baton: node '"
                + nodeConfig.identity().name()
                + "' on port "
                + node.actualPort()
                + "; Ctrl-C stops it");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  log.info("shutting down");
                  try {
                    vertx
                        .close()
                        .toCompletionStage()
                        .toCompletableFuture()
                        .get(30, TimeUnit.SECONDS);
                  } catch (Exception e) {
                    log.warn("shutdown was not clean: {}", e.toString());
                  }
                  stopped.countDown();
                },
                "baton-shutdown"));
    stopped.await();
    return 0;
  }

  /**
   * Publishes one institution's sample content when the store is still empty, through the same
   * validated write path as `baton import`, so a first run has something to read, query and search.
   */
  private void publishSample(
      NodeVerticle node, NodeSetup setup, NodeConfig nodeConfig, Institution institution) {
    PrintWriter err = spec.commandLine().getErr();
    if (node.store().count() > 0) {
      err.println(
          "baton: the store already holds resources; --sample "
              + institution.key()
              + " is skipped");
      return;
    }
    ImportSummary summary =
        SampleImport.publish(
            node.store(), setup.validator(), nodeConfig.server().baseUrl(), institution, err);
    err.println(
        "baton: published the "
            + institution.key()
            + " sample content ("
            + summary.stored()
            + " resources)");
  }

  private Institution sampleInstitution() {
    return Institution.byKey(sample)
        .orElseThrow(
            () ->
                new ConfigException(
                    "--sample must be one of kosen, university, highschool: " + sample));
  }

  /** The config from the file and/or flags. */
  NodeConfig resolve() {
    NodeConfig result;
    if (config != null) {
      result = new NodeConfigReader().read(config);
    } else {
      if (data == null || baseUrl == null) {
        throw new ConfigException(
            "give --config FILE, or --data DIR and --base-url URL (and --port N)");
      }
      result = NodeConfig.defaults(data, parseUrl(baseUrl));
    }
    if (port != null) {
      result = result.withPort(port);
    }
    if (data != null) {
      result = result.withServer(s -> s.withDataDir(data.toAbsolutePath().normalize()));
    }
    if (baseUrl != null) {
      result = result.withServer(s -> s.withBaseUrl(parseUrl(baseUrl)));
    }
    if ((tlsCertificate == null) != (tlsKey == null)) {
      throw new ConfigException("give --tls-certificate PEM and --tls-key PEM together");
    }
    if (tlsCertificate != null) {
      ServerTls tls =
          new ServerTls(
                  tlsCertificate.toAbsolutePath().normalize(), tlsKey.toAbsolutePath().normalize())
              .check();
      result = result.withServer(s -> s.withTls(tls));
    }
    return result;
  }

  private static URI parseUrl(String text) {
    try {
      return new URI(text);
    } catch (java.net.URISyntaxException e) {
      throw new ConfigException("baseUrl must be an absolute http(s) URL: " + text);
    }
  }
}
