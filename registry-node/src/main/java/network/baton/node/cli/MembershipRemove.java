package network.baton.node.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Removes a member from the draft. */
@Command(
    name = "remove",
    mixinStandardHelpOptions = true,
    description = "Removes a member from the list draft; sign and distribute to take effect.",
    footer = {"", "Example:", "  baton membership remove --list list.json --did did:web:x.example"})
final class MembershipRemove implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--list", required = true, paramLabel = "FILE", description = "list draft")
  Path list;

  @Option(names = "--did", required = true, paramLabel = "DID", description = "member DID")
  String did;

  @Override
  public Integer call() {
    MembershipDraft.write(list, MembershipDraft.read(list).without(did).toJson());
    spec.commandLine().getOut().println("removed " + did);
    return 0;
  }
}
