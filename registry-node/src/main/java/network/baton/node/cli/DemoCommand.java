package network.baton.node.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import network.baton.node.config.ConfigException;
import network.baton.node.demo.DemoNetwork;
import network.baton.node.demo.DemoOptions;
import network.baton.node.demo.DemoSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `baton demo`: a local network of three sample members, running until Ctrl-C. */
@Command(
    name = "demo",
    description = {
      "Starts a local network of three members on localhost (a kosen, a university, a technical",
      "high school) with the sample content, a coordinator key and a signed membership list,",
      "issues a sample credential to a sample graduate, and prints the URLs to open and the",
      "commands to try next. Everything lives in one folder (default ./baton-demo); running it",
      "again reuses that folder. Ctrl-C stops every node cleanly.",
      "Demo only: admin tokens and passphrases are kept in plain files in the folder.",
      "Exit code: 0 stopped by Ctrl-C, 1 a member failed to start, 2 usage error or port in use."
    },
    footer = {
      "",
      "Examples:",
      "  baton demo",
      "  baton demo --data /tmp/my-demo --port-base 9081",
      "  baton demo --https           members on https://localhost:8081.. with a local CA",
      "  baton demo --reset            wipe ./baton-demo and start afresh"
    })
final class DemoCommand extends TaskCommand {

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "the demo's folder (default: ${DEFAULT-VALUE})",
      defaultValue = "baton-demo")
  Path data;

  @Option(
      names = "--port-base",
      paramLabel = "N",
      description =
          "first of three ports: members on N, N+1, N+2 (default 8081, or the folder's ports)")
  Integer portBase;

  @Option(
      names = "--https",
      description =
          "members on https with a local CA the demo creates (DIR/tls/ca.pem); a folder set up"
              + " so stays so")
  boolean https;

  @Option(names = "--reset", description = "wipe the demo folder first (fresh keys, content)")
  boolean reset;

  @Option(names = "--verbose", description = "show the nodes' log lines too")
  boolean verbose;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int base =
        portBase != null
            ? portBase
            : reset
                ? DemoOptions.DEFAULT_PORT_BASE
                : DemoNetwork.storedPortBase(data).orElse(DemoOptions.DEFAULT_PORT_BASE);
    DemoOptions options;
    try {
      options = new DemoOptions(base, reset, err, https);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--port-base: " + e.getMessage());
    }
    if (!verbose) CliLogs.quiet();
    err.println("baton demo: starting three members in " + data.toAbsolutePath().normalize());
    DemoNetwork network = DemoNetwork.start(data, options);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  err.println("baton demo: stopping...");
                  network.close();
                  err.println("baton demo: stopped");
                  stopped.countDown();
                },
                "baton-demo-shutdown"));
    DemoSummary.print(out, network, Path.of("").toAbsolutePath());
    stopped.await();
    return 0;
  }
}
