package network.baton.node.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Removes a member from the draft. */
@Command(
    name = "remove",
    description = "Removes a member from the list draft; sign and distribute to take effect.",
    footer = {"", "Example:", "  baton membership remove --list list.json --did did:web:x.example"})
final class MembershipRemove extends TaskCommand {

  @CommandLine.Mixin MembershipOptions.Draft listFile;

  @CommandLine.Mixin MembershipOptions.MemberDid memberDid;

  @Override
  public Integer call() {
    MembershipDraft.write(
        listFile.list, MembershipDraft.read(listFile.list).without(memberDid.did).toJson());
    spec.commandLine().getOut().println("removed " + memberDid.did);
    return 0;
  }
}
