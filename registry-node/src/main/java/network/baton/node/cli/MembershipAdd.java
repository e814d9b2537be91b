package network.baton.node.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import network.baton.node.config.ConfigException;
import network.baton.node.federation.Member;
import network.baton.node.federation.Role;
import network.baton.node.federation.membership.MembershipList;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Adds or updates a member in the draft. */
@Command(
    name = "add",
    description = "Adds a member to the list draft (or updates the member with that DID).",
    footer = {
      "",
      "Example:",
      "  baton membership add --list list.json --did did:web:kosen.example"
          + " --url https://kosen.example --name 'Kosen' --role issuer --role publisher"
    })
final class MembershipAdd extends TaskCommand {

  @CommandLine.Mixin MembershipOptions.Draft listFile;

  @CommandLine.Mixin MembershipOptions.MemberDid memberDid;

  @Option(names = "--url", required = true, paramLabel = "URL", description = "member base URL")
  String url;

  @Option(names = "--name", paramLabel = "NAME", description = "member name")
  String name;

  @Option(
      names = "--role",
      paramLabel = "ROLE",
      description = "issuer or publisher; repeat for several")
  List<String> roles = new ArrayList<>();

  @Override
  public Integer call() {
    MembershipList draft = MembershipDraft.read(listFile.list);
    Member member;
    try {
      Set<Role> parsed = EnumSet.noneOf(Role.class);
      for (String role : roles) {
        parsed.add(Role.fromJson(role.strip().toLowerCase(java.util.Locale.ROOT)));
      }
      member = new Member(memberDid.did, new URI(url), name, parsed);
    } catch (IllegalArgumentException | URISyntaxException e) {
      throw new ConfigException(e.getMessage());
    }
    boolean update = draft.member(memberDid.did).isPresent();
    MembershipDraft.write(listFile.list, draft.with(member).toJson());
    spec.commandLine()
        .getOut()
        .println(
            (update ? "updated " : "added ")
                + memberDid.did
                + " ("
                + MembershipShow.roleNames(member)
                + ")");
    return 0;
  }
}
