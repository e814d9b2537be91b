package network.baton.node.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import network.baton.credential.keys.EncryptedKeyPem;
import network.baton.credential.keys.KeyFile;
import network.baton.credential.keys.SigningKey;
import network.baton.node.config.ConfigException;
import network.baton.node.federation.membership.SignedMembershipList;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * `baton membership`: the coordinator's tools for the signed membership list. The list is edited as
 * plain JSON (init, add, remove), then signed into the JWS that nodes exchange (sign), and checked
 * (show). The coordinator key is an encrypted Ed25519 key file opened with
 * BATON_COORDINATOR_PASSPHRASE.
 */
@Command(
    name = "membership",
    description = {
      "Coordinator: create, edit, sign and check the network's membership list.",
      "Exit code: 0 done, 1 the list was refused or the task failed, 2 usage error, missing file",
      "or passphrase."
    },
    subcommands = {
      MembershipInit.class,
      MembershipAdd.class,
      MembershipRemove.class,
      MembershipSign.class,
      MembershipShow.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Examples:",
      "  export BATON_COORDINATOR_PASSPHRASE=...",
      "  baton membership init --key coord.pem --network BATON --out list.json",
      "  baton membership add --list list.json --did did:web:kosen.example \\",
      "      --url https://kosen.example --name Kosen --role issuer --role publisher",
      "  baton membership remove --list list.json --did did:web:kosen.example",
      "  baton membership sign --list list.json --key coord.pem --out membership.jwt",
      "  baton membership show membership.jwt --coordinator-key z6Mk...",
      "Then offer the signed list to any member; it spreads to the others:",
      "  curl --data-binary @membership.jwt https://kosen.example/federation/membership"
    })
public final class MembershipCommand extends CommandGroup {

  /** The environment variable holding the coordinator key's passphrase. */
  public static final String PASSPHRASE_ENV = "BATON_COORDINATOR_PASSPHRASE";

  private final Function<String, String> env;
  private final Clock clock;

  /** The command reading the real environment and clock. */
  public MembershipCommand() {
    this(System::getenv, Clock.systemUTC());
  }

  /** The command with another environment and clock (tests). */
  MembershipCommand(Function<String, String> env, Clock clock) {
    this.env = env;
    this.clock = clock;
  }

  /** Runs only this command with this environment and returns the exit code (tests). */
  static int execute(Map<String, String> env, PrintWriter out, PrintWriter err, String... args) {
    return BatonCli.execute(new MembershipCommand(env::get, Clock.systemUTC()), out, err, args);
  }

  Clock clock() {
    return clock;
  }

  char[] passphrase() {
    String value = env.apply(PASSPHRASE_ENV);
    if (value == null || value.isEmpty()) {
      throw new ConfigException(
          "set " + PASSPHRASE_ENV + " to the passphrase of the coordinator key file");
    }
    return value.toCharArray();
  }

  SigningKey readKey(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException("coordinator key file not found: " + file);
    }
    SigningKey key =
        new KeyFile(new EncryptedKeyPem(new SecureRandom()))
            .read(file, "coordinator", passphrase());
    return key.withId(SignedMembershipList.keyId(key.publicKey()));
  }
}
