package network.baton.node.cli;

import java.security.SecureRandom;
import network.baton.node.auth.AdminTokens;
import picocli.CommandLine.Command;

/** `baton token new`: a fresh admin token and the hash to put in the node config. */
@Command(
    name = "token",
    description = {"Admin tokens for writes to a node.", "Exit code: 0 done, 2 usage error."},
    subcommands = {TokenCommand.New.class},
    footer = {"", "Example:", "  baton token new"})
final class TokenCommand extends CommandGroup {

  /** Prints a new token and its hash. */
  @Command(
      name = "new",
      description = {
        "Prints a new random admin token (32 bytes, base64url) and its SHA-256 hash.",
        "Put the hash under adminTokenHashes in the node config; keep the token secret."
      },
      footer = {"", "Example:", "  baton token new"})
  static final class New extends TaskCommand {

    @Override
    public Integer call() {
      String token = AdminTokens.newToken(new SecureRandom());
      var out = spec.commandLine().getOut();
      out.println("token: " + token);
      out.println("hash:  " + AdminTokens.hash(token));
      spec.commandLine()
          .getErr()
          .println(
              "Add the hash to adminTokenHashes in the node config; send writes with"
                  + " 'Authorization: Bearer <token>'. The token is not stored anywhere.");
      return 0;
    }
  }
}
