package network.baton.node.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import network.baton.credential.did.Multikey;
import network.baton.credential.keys.EncryptedKeyPem;
import network.baton.credential.keys.KeyAlgorithm;
import network.baton.credential.keys.KeyFile;
import network.baton.credential.keys.PublicKeyMaterial;
import network.baton.credential.keys.SigningKey;
import network.baton.node.federation.membership.MembershipList;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Creates the coordinator key (if missing) and an empty list draft. */
@Command(
    name = "init",
    description = {
      "Creates the coordinator key (if missing) and an empty list draft.",
      "The Ed25519 key file is encrypted with " + MembershipCommand.PASSPHRASE_ENV + ";",
      "the public key printed goes under coordinatorKeys in every node config."
    },
    footer = {
      "",
      "Example:",
      "  baton membership init --key coordinator.pem --network BATON --expires P90D --out list.json"
    })
final class MembershipInit extends TaskCommand {
  @ParentCommand MembershipCommand parent;

  @CommandLine.Mixin MembershipOptions.CoordinatorKey coordinator;

  @Option(names = "--network", required = true, paramLabel = "NAME", description = "network")
  String network;

  @Option(
      names = "--expires",
      defaultValue = "P90D",
      paramLabel = "PERIOD",
      description = "how long each signed list holds (default ${DEFAULT-VALUE})")
  String expires;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "list draft")
  Path out;

  @Override
  public Integer call() {
    Duration validity = MembershipDraft.period(expires);
    if (Files.exists(out)) {
      throw new IllegalStateException(out + " already exists; not overwriting it");
    }
    PrintWriter stdout = spec.commandLine().getOut();
    SigningKey signing;
    if (Files.exists(coordinator.key)) {
      signing = parent.readKey(coordinator.key);
      stdout.println("using existing coordinator key " + coordinator.key);
    } else {
      char[] passphrase = parent.passphrase();
      signing = SigningKey.generate(KeyAlgorithm.ED25519, "coordinator", new SecureRandom());
      new KeyFile(new EncryptedKeyPem(new SecureRandom()))
          .write(coordinator.key, signing, passphrase);
      stdout.println("created coordinator key " + coordinator.key);
    }
    Instant now = parent.clock().instant();
    MembershipList draft = new MembershipList(1, now, now.plus(validity), network, List.of());
    MembershipDraft.write(out, draft.toJson());
    PublicKeyMaterial publicKey = signing.publicKey();
    stdout.println("wrote list draft " + out);
    stdout.println("coordinator public key (add to coordinatorKeys in every node config):");
    stdout.println("  " + Multikey.encode(publicKey));
    stdout.println("  as JWK: " + json(publicKey.toJwk()));
    return 0;
  }

  private static String json(Map<String, Object> value) {
    try {
      return new ObjectMapper().writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
