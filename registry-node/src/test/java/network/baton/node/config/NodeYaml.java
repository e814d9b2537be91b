package network.baton.node.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.AbstractThrowableAssert;

/**
 * The node.yaml a config test writes into its folder: a dataDir, a base URL, then the test's own
 * lines; read with the node's reader.
 */
final class NodeYaml {

  private final NodeConfigReader reader = new NodeConfigReader();
  private final Path folder;
  private final String head;

  NodeYaml(Path folder, String dataDir, String baseUrl) {
    this.folder = folder;
    this.head = "dataDir: " + dataDir + "\nbaseUrl: " + baseUrl + "\n";
  }

  /** Writes node.yaml: the head, then lines. */
  Path write(String lines) {
    try {
      return Files.writeString(folder.resolve("node.yaml"), head + lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes node.yaml with these lines after the head and reads it. */
  NodeConfig read(String lines) {
    return reader.read(write(lines));
  }

  /** Asserts that node.yaml with these lines is refused with a ConfigException, to check why. */
  AbstractThrowableAssert<?, ? extends Throwable> refuses(String lines) {
    return assertThatThrownBy(() -> read(lines)).isInstanceOf(ConfigException.class);
  }
}
