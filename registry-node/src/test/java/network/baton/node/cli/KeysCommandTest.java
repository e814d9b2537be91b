package network.baton.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysCommandTest {

  @TempDir Path folder;
  private Path data;
  private Path passphrase;
  private Path wrong;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void files() throws Exception {
    data = folder.resolve("data");
    passphrase = Files.writeString(folder.resolve("pass"), "node key passphrase\n");
    wrong = Files.writeString(folder.resolve("wrong"), "something else\n");
  }

  @Test
  void initCreatesTheFirstKeyAndRotateAddsOneKeepingTheOld() {
    assertThat(
            run(
                "keys",
                "init",
                "--data",
                data.toString(),
                "--passphrase-file",
                passphrase.toString()))
        .as(err.toString())
        .isZero();
    assertThat(out.toString()).contains("created key-1 (ed25519)");

    assertThat(
            run(
                "keys",
                "rotate",
                "--data",
                data.toString(),
                "--alg",
                "p256",
                "--passphrase-file",
                passphrase.toString()))
        .as(err.toString())
        .isZero();
    assertThat(out.toString()).contains("created key-2 (p256)", "kept key-1");

    out.getBuffer().setLength(0);
    assertThat(
            run(
                "keys",
                "list",
                "--data",
                data.toString(),
                "--passphrase-file",
                passphrase.toString()))
        .isZero();
    assertThat(out.toString()).contains("key-1 (ed25519)", "key-2 (p256)", "signing: key-2");
    assertThat(data.resolve("keys/key-1.pem")).exists();
    assertThat(data.resolve("keys/key-2.pem")).exists();
  }

  @Test
  void wrongPassphraseIsOneLineAndExitCode2() {
    run("keys", "init", "--data", data.toString(), "--passphrase-file", passphrase.toString());

    int code =
        run("keys", "rotate", "--data", data.toString(), "--passphrase-file", wrong.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString().strip())
        .startsWith("baton keys rotate: wrong passphrase")
        .doesNotContain("\n");
    assertThat(err.toString()).doesNotContain("Exception", "something else");
    assertThat(data.resolve("keys/key-2.pem")).doesNotExist();
  }

  @Test
  void initRefusesWhenKeysExistAndRotateWhenNoneDo() {
    assertThat(
            run(
                "keys",
                "rotate",
                "--data",
                data.toString(),
                "--passphrase-file",
                passphrase.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("run init first");
    run("keys", "init", "--data", data.toString(), "--passphrase-file", passphrase.toString());

    assertThat(
            run(
                "keys",
                "init",
                "--data",
                data.toString(),
                "--passphrase-file",
                passphrase.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("already exist");
  }

  @Test
  void unknownAlgorithmAndMissingDataAreUsageErrors() {
    assertThat(
            run(
                "keys",
                "init",
                "--data",
                data.toString(),
                "--alg",
                "rsa",
                "--passphrase-file",
                passphrase.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--alg must be ed25519 or p256");
    assertThat(run("keys", "list")).isEqualTo(2);
    assertThat(err.toString()).contains("--data");
    assertThat(run("keys", "list", "--data", data.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("no keys in");
  }

  @Test
  void everyCredentialCommandHasHelpWithAnExample() {
    for (String[] command :
        new String[][] {
          {"keys", "init"}, {"keys", "rotate"}, {"keys", "list"}, {"wallet", "keygen"},
          {"wallet", "present"}, {"verify"}, {"credential", "issue"}, {"credential", "revoke"}
        }) {
      out.getBuffer().setLength(0);
      String[] args = java.util.Arrays.copyOf(command, command.length + 1);
      args[command.length] = "--help";
      assertThat(run(args)).isZero();
      assertThat(out.toString()).contains("Example", "baton " + command[0]);
    }
  }

  private int run(String... args) {
    return BatonCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }
}
