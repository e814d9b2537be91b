package network.baton.node.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ConfigFileTest {

  private static final Pattern KEY = Pattern.compile("`(\\w+)`");

  @Test
  void theReadmeConfigurationTableNamesExactlyTheKeysTheFileBinds() throws IOException {
    Set<String> documented = new TreeSet<>();
    boolean inTable = false;
    for (String line : Files.readAllLines(Path.of("..", "README.md"))) {
      if (line.startsWith("| key | default | meaning |")) {
        inTable = true;
      } else if (inTable && !line.startsWith("|")) {
        break;
      } else if (inTable) {
        Matcher key = KEY.matcher(line.split("\\|")[1]);
        while (key.find()) {
          documented.add(key.group(1));
        }
      }
    }

    assertThat(documented).containsExactlyInAnyOrderElementsOf(ConfigFile.KEYS);
  }
}
