package network.baton.node.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options several `baton membership` subcommands share. */
final class MembershipOptions {
  private MembershipOptions() {}

  /** The list draft being edited or signed. */
  static final class Draft {
    @Option(names = "--list", required = true, paramLabel = "FILE", description = "list draft")
    Path list;
  }

  /** The coordinator's key file, which must be given. */
  static final class CoordinatorKey {
    @Option(names = "--key", required = true, paramLabel = "FILE", description = "coordinator key")
    Path key;
  }

  /** The member a draft edit is about. */
  static final class MemberDid {
    @Option(names = "--did", required = true, paramLabel = "DID", description = "member DID")
    String did;
  }
}
