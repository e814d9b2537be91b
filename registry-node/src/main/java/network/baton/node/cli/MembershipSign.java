package network.baton.node.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import network.baton.credential.keys.SigningKey;
import network.baton.node.federation.membership.MembershipList;
import network.baton.node.federation.membership.SignedMembershipList;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Signs the next edition of the list. */
@Command(
    name = "sign",
    description = {
      "Signs the next edition of the list (version + 1) into a JWS file.",
      "It is issued now and expires after the draft's period (or --expires);",
      "the draft is updated to the signed edition."
    },
    footer = {
      "",
      "Example:",
      "  baton membership sign --list list.json --key coordinator.pem --out membership.jwt"
    })
final class MembershipSign extends TaskCommand {
  @ParentCommand MembershipCommand parent;

  @CommandLine.Mixin MembershipOptions.Draft listFile;

  @CommandLine.Mixin MembershipOptions.CoordinatorKey coordinator;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "signed list")
  Path out;

  @Option(names = "--expires", paramLabel = "PERIOD", description = "validity, e.g. P90D")
  String expires;

  @Override
  public Integer call() {
    MembershipList draft = MembershipDraft.read(listFile.list);
    SigningKey signing = parent.readKey(coordinator.key);
    Duration validity =
        expires == null
            ? Duration.between(draft.issuedAt(), draft.expiresAt())
            : MembershipDraft.period(expires);
    Instant now = parent.clock().instant();
    MembershipList edition = draft.edition(draft.version() + 1, now, now.plus(validity));
    SignedMembershipList signed = SignedMembershipList.sign(edition, signing);
    MembershipDraft.write(out, signed.jws());
    MembershipDraft.write(listFile.list, edition.toJson());
    spec.commandLine()
        .getOut()
        .println(
            "signed version "
                + edition.version()
                + " ("
                + edition.members().size()
                + " members, expires "
                + edition.expiresAt()
                + ") to "
                + out);
    return 0;
  }
}
