package network.baton.node.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * A command that only groups subcommands: run without one, it prints its usage; like every baton
 * command it answers --help and --version.
 */
@Command(mixinStandardHelpOptions = true)
abstract class CommandGroup implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
