package network.baton.node;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code baton node --config FILE} in a JVM of its own, on this test's class path. */
public final class NodeProcess {

  private NodeProcess() {}

  /** Starts the node with its output in log, with a 256 MB heap and these other JVM options. */
  public static Process start(Path config, Path log, String... jvmOptions) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.addAll(List.of(jvmOptions));
    command.addAll(List.of("-cp", System.getProperty("java.class.path")));
    command.addAll(
        List.of("network.baton.node.cli.BatonCli", "node", "--config", config.toString()));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }
}
