package network.baton.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's --help says what it does with an example, and the exit codes agree. */
class CommandHelpTest {

  private final CommandLine root = new CommandLine(new BatonCli());

  @Test
  void everyCommandsHelpHasADescriptionAndAnExample() {
    List<CommandLine> commands = new ArrayList<>();
    collect(root, commands);
    assertThat(commands).extracting(CommandLine::getCommandName).contains("demo", "verify", "init");
    for (CommandLine command : commands) {
      String help = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
      assertThat(command.getCommandSpec().usageMessage().description())
          .as(qualifiedName(command) + " says what it does")
          .isNotEmpty();
      assertThat(help)
          .as(qualifiedName(command) + " shows an example")
          .containsPattern("Examples?:")
          .contains(qualifiedName(command));
    }
  }

  @Test
  void everyTopLevelCommandDocumentsItsExitCodesWithTheSharedMeaning() {
    String rootHelp = root.getUsageMessage(CommandLine.Help.Ansi.OFF);
    assertThat(rootHelp).contains("Exit codes:", "0 ", "1 ", "2 ");
    for (CommandLine command : root.getSubcommands().values()) {
      if (command.getCommandName().equals("help")) continue;
      String help = command.getUsageMessage(CommandLine.Help.Ansi.OFF).replaceAll("\\s+", " ");
      assertThat(help)
          .as(command.getCommandName() + " documents its exit codes")
          .containsPattern("Exit code: 0 [^.]*2 (usage|when)");
    }
  }

  @Test
  void demoHelpShowsHowToStartAndWhereItsDataLives() {
    StringWriter out = new StringWriter();
    int code =
        BatonCli.execute(
            new PrintWriter(out, true),
            new PrintWriter(new StringWriter(), true),
            "demo",
            "--help");

    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("baton demo", "--port-base", "--reset", "--data", "baton-demo", "Ctrl-C");
  }

  @Test
  void demoWithAPortBaseOutOfRangeIsAUsageErrorInOneLine() {
    StringWriter err = new StringWriter();
    int code =
        BatonCli.execute(
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(err, true),
            "demo",
            "--port-base",
            "70000");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString().strip())
        .startsWith("baton: ")
        .contains("70000")
        .doesNotContain("\tat ");
  }

  private static void collect(CommandLine command, List<CommandLine> into) {
    for (CommandLine sub : command.getSubcommands().values()) {
      if (sub.getCommandName().equals("help")) continue;
      into.add(sub);
      collect(sub, into);
    }
  }

  private static String qualifiedName(CommandLine command) {
    return command.getCommandSpec().qualifiedName();
  }
}
