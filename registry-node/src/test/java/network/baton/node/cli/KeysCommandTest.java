package network.baton.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import network.baton.node.Cli;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysCommandTest {

  @TempDir Path folder;
  private Path data;
  private Path passphrase;
  private Path wrong;
  private final Cli cli = new Cli();

  @BeforeEach
  void files() throws Exception {
    data = folder.resolve("data");
    passphrase = Files.writeString(folder.resolve("pass"), "node key passphrase\n");
    wrong = Files.writeString(folder.resolve("wrong"), "something else\n");
  }

  @Test
  void initCreatesTheFirstKeyAndRotateAddsOneKeepingTheOld() {
    assertThat(keys("init")).as(cli.err()).isZero();
    assertThat(cli.out()).contains("created key-1 (ed25519)");

    assertThat(keys("rotate", "--alg", "p256")).as(cli.err()).isZero();
    assertThat(cli.out()).contains("created key-2 (p256)", "kept key-1");

    cli.clear();
    assertThat(keys("list")).isZero();
    assertThat(cli.out()).contains("key-1 (ed25519)", "key-2 (p256)", "signing: key-2");
    assertThat(data.resolve("keys/key-1.pem")).exists();
    assertThat(data.resolve("keys/key-2.pem")).exists();
  }

  @Test
  void wrongPassphraseIsOneLineAndExitCode2() {
    keys("init");

    int code =
        cli.run("keys", "rotate", "--data", data.toString(), "--passphrase-file", wrong.toString());

    assertThat(code).isEqualTo(2);
    assertThat(cli.err().strip())
        .startsWith("baton keys rotate: wrong passphrase")
        .doesNotContain("\n");
    assertThat(cli.err()).doesNotContain("Exception", "something else");
    assertThat(data.resolve("keys/key-2.pem")).doesNotExist();
  }

  @Test
  void initRefusesWhenKeysExistAndRotateWhenNoneDo() {
    assertThat(keys("rotate")).isEqualTo(2);
    assertThat(cli.err()).contains("run init first");
    keys("init");

    assertThat(keys("init")).isEqualTo(2);
    assertThat(cli.err()).contains("already exist");
  }

  @Test
  void unknownAlgorithmAndMissingDataAreUsageErrors() {
    assertThat(keys("init", "--alg", "rsa")).isEqualTo(2);
    assertThat(cli.err()).contains("--alg must be ed25519 or p256");
    assertThat(cli.run("keys", "list")).isEqualTo(2);
    assertThat(cli.err()).contains("--data");
    assertThat(cli.run("keys", "list", "--data", data.toString())).isEqualTo(2);
    assertThat(cli.err()).contains("no keys in");
  }

  @Test
  void everyCredentialCommandHasHelpWithAnExample() {
    for (String[] command :
        new String[][] {
          {"keys", "init"}, {"keys", "rotate"}, {"keys", "list"}, {"wallet", "keygen"},
          {"wallet", "present"}, {"verify"}, {"credential", "issue"}, {"credential", "revoke"}
        }) {
      cli.clear();
      String[] args = java.util.Arrays.copyOf(command, command.length + 1);
      args[command.length] = "--help";
      assertThat(cli.run(args)).isZero();
      assertThat(cli.out()).contains("Example", "baton " + command[0]);
    }
  }

  private int keys(String command, String... options) {
    String[] keys = {"keys", command, "--data", data.toString()};
    return cli.run(
        Cli.join(keys, options, new String[] {"--passphrase-file", passphrase.toString()}));
  }
}
