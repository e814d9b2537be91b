package network.baton.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import network.baton.node.auth.AdminTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatonCliTest {

  @TempDir Path folder;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void tokenNewPrintsATokenAndItsHash() {
    int code = run("token", "new");

    assertThat(code).isZero();
    String[] lines = out.toString().strip().split("\\R");
    assertThat(lines).hasSize(2);
    String token = lines[0].substring("token: ".length());
    String hash = lines[1].substring("hash:  ".length());
    assertThat(hash).isEqualTo(AdminTokens.hash(token)).hasSize(64);
    assertThat(err.toString()).contains("adminTokenHashes");
  }

  @Test
  void helpShowsAnExampleForEachCommand() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("node", "token", "Examples:");
    out.getBuffer().setLength(0);
    assertThat(run("node", "--help")).isZero();
    assertThat(out.toString()).contains("baton node --config node.yaml", "--base-url");
    out.getBuffer().setLength(0);
    assertThat(run("token", "new", "--help")).isZero();
    assertThat(out.toString()).contains("baton token new");
  }

  @Test
  void badConfigIsOneLineAndExitCode2() throws Exception {
    Path file = Files.writeString(folder.resolve("node.yaml"), "dataDir: d\nbaseUrl: nope\n");

    int code = run("node", "--config", file.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString().strip())
        .isEqualTo("baton: baseUrl must be an absolute http(s) URL: nope");
  }

  @Test
  void nodeWithoutConfigOrFlagsSaysWhatToGive() {
    assertThat(run("node")).isEqualTo(2);
    assertThat(err.toString()).contains("--config FILE").doesNotContain("Exception");
  }

  @Test
  void vocabPrintsTheFrameworkAndSampleSummary() {
    int code = run("vocab");

    assertThat(code).isZero();
    assertThat(out.toString()).contains("BATON vocabulary report");
  }

  @Test
  void unknownOptionIsAUsageError() {
    assertThat(run("node", "--prot", "1")).isEqualTo(2);
    assertThat(err.toString()).contains("--prot");
  }

  private int run(String... args) {
    return BatonCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }
}
