package network.baton.node.cli;

import java.io.PrintWriter;
import network.baton.node.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `baton` command line: one entry point, one subcommand per task. */
@Command(
    name = "baton",
    version = "baton 0.1.0",
    description = "BATON Registry: publish, query and verify battery-industry teaching content.",
    subcommands = {
      DemoCommand.class,
      NodeCommand.class,
      TokenCommand.class,
      ImportCommand.class,
      IndexCommand.class,
      VocabCommand.class,
      KeysCommand.class,
      WalletCommand.class,
      VerifyCommand.class,
      CredentialCommand.class,
      MembershipCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Examples:",
      "  baton demo                    a local network of three members: start here",
      "  baton token new",
      "  baton node --port 8080 --data ./data --base-url http://localhost:8080",
      "  baton node --config node.yaml",
      "  baton vocab",
      "  baton keys init --data ./data",
      "  baton wallet keygen --out me.pem",
      "  baton verify credential.json --trust-issuer did:web:kosen.example.jp",
      "  baton membership init --key coord.pem --network BATON --out list.json",
      "",
      "Exit codes: 0 done; 1 the task ran and failed (a check failed, the node refused,",
      "  records were rejected); 2 usage, configuration, connection or I/O error.",
      "Errors are one line on stderr."
    })
public final class BatonCli extends CommandGroup {

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(
        execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /** Runs the command line with these streams and returns the exit code (for tests). */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    return execute(new BatonCli(), out, err, args);
  }

  /**
   * Runs this command with these streams and returns the exit code: a failure is one line on
   * stderr, exit code 2 for a usage or configuration error, else 1.
   */
  static int execute(Object command, PrintWriter out, PrintWriter err, String... args) {
    return new CommandLine(command)
        .setOut(out)
        .setErr(err)
        .setExecutionExceptionHandler(
            (e, commandLine, parseResult) -> {
              commandLine.getErr().println("baton: " + oneLine(e));
              return e instanceof ConfigException ? 2 : 1;
            })
        .execute(args);
  }

  static String oneLine(Throwable e) {
    Throwable cause = e;
    while (cause.getMessage() == null && cause.getCause() != null) {
      cause = cause.getCause();
    }
    String message =
        cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return message.replaceAll("\\s*\\R\\s*", " ");
  }
}
