package network.baton.node.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * A command that does one task and returns its exit code; like every baton command it answers
 * --help and --version (picocli applies a superclass's {@code @Command} attributes to subclasses).
 */
@Command(mixinStandardHelpOptions = true)
abstract class TaskCommand implements Callable<Integer> {

  /** The command as picocli runs it: its name and streams. */
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
}
