package network.baton.node.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import network.baton.vocab.VocabularyReport;
import picocli.CommandLine.Command;

/**
 * `baton vocab`: a summary of the skill framework, levels and sample content, and whether it
 * conforms.
 */
@Command(
    name = "vocab",
    description = {
      "Prints a summary of the BATON skills framework, the educational levels and the bundled",
      "sample content, checked against the shapes.",
      "Exit code: 0 everything conforms, 1 something does not conform, 2 usage error."
    },
    footer = {"", "Example:", "  baton vocab"})
final class VocabCommand extends TaskCommand {

  @Override
  public Integer call() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    int code;
    try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      code = VocabularyReport.create().run(out);
    }
    spec.commandLine().getOut().print(buffer.toString(StandardCharsets.UTF_8));
    spec.commandLine().getOut().flush();
    return code;
  }
}
