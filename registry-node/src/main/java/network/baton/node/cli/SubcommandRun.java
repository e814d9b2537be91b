package network.baton.node.cli;

import picocli.CommandLine;

/**
 * Runs a subcommand whose every failure is a usage error: the failure as one line on stderr after
 * the command's name, and exit code 2.
 */
final class SubcommandRun {

  /** What a subcommand does; it prints its own results. */
  interface Action {
    void run() throws Exception;
  }

  private SubcommandRun() {}

  /**
   * 0 when the action completes, else 2 with "{command}: {failure}" on stderr, the command by its
   * full name (e.g. "baton keys rotate").
   */
  static int exitCode(CommandLine.Model.CommandSpec spec, Action action) {
    try {
      action.run();
      return 0;
    } catch (Exception e) {
      spec.commandLine().getErr().println(spec.qualifiedName() + ": " + BatonCli.oneLine(e));
      return 2;
    }
  }
}
