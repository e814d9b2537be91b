package network.baton.node.cli;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import network.baton.credential.keys.KeyAlgorithm;
import network.baton.credential.keys.KeyStoreDir;
import network.baton.credential.keys.SigningKey;
import network.baton.node.config.ConfigException;
import network.baton.node.credential.CredentialExtension;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `baton keys init|rotate|list`: the node's signing keys in its data folder. */
@Command(
    name = "keys",
    description = {
      "The node's signing keys in {data}/keys: encrypted PEM files, the newest signs, older ones",
      "stay in the DID document so credentials signed with them still verify.",
      "Passphrase: --passphrase-file, else BATON_KEY_PASSPHRASE, else asked for (echo off).",
      "Exit code: 0 done, 2 usage error, wrong passphrase or unreadable files."
    },
    subcommands = {KeysCommand.Init.class, KeysCommand.Rotate.class, KeysCommand.ListKeys.class},
    footer = {
      "",
      "Examples:",
      "  BATON_KEY_PASSPHRASE=... baton keys init --data ./data",
      "  baton keys rotate --data ./data --alg p256",
      "  baton keys list --data ./data"
    })
final class KeysCommand extends CommandGroup {

  /**
   * A keys subcommand: what it does with the key store is the text it prints; every failure here
   * (wrong passphrase, keys present or missing, unreadable files) is exit 2.
   */
  abstract static class KeysTask extends TaskCommand {

    @Option(
        names = "--data",
        paramLabel = "DIR",
        required = true,
        description = "the node's data folder")
    Path data;

    @Option(
        names = "--passphrase-file",
        paramLabel = "FILE",
        description = "read the passphrase from the first line of FILE")
    Path passphraseFile;

    /** Does the task with the key store; returns the text to print. */
    abstract String run(KeyStoreDir keys) throws Exception;

    @Override
    public Integer call() {
      return SubcommandRun.exitCode(
          spec,
          () ->
              spec.commandLine().getOut().println(run(new KeyStoreDir(data, new SecureRandom()))));
    }

    char[] passphrase(boolean confirm) {
      return PassphraseSource.of(CredentialExtension.PASSPHRASE_ENV)
          .read(passphraseFile, "node key passphrase", confirm);
    }
  }

  /** A subcommand that makes a key, of the algorithm --alg names. */
  abstract static class NewKeyTask extends KeysTask {
    @Option(
        names = "--alg",
        paramLabel = "ALG",
        defaultValue = "ed25519",
        description = "ed25519 (default) or p256")
    String algorithm;

    KeyAlgorithm algorithm() {
      return switch (algorithm.toLowerCase(Locale.ROOT)) {
        case "ed25519" -> KeyAlgorithm.ED25519;
        case "p256", "p-256", "es256" -> KeyAlgorithm.P256;
        default -> throw new ConfigException("--alg must be ed25519 or p256, not " + algorithm);
      };
    }
  }

  private static String describe(SigningKey key) {
    return key.id() + " (" + key.algorithm().name().toLowerCase(Locale.ROOT) + ")";
  }

  /** Creates the first key. */
  @Command(
      name = "init",
      description = "Creates the node's first signing key (key-1); refuses if keys exist.",
      footer = {"", "Example:", "  BATON_KEY_PASSPHRASE=... baton keys init --data ./data"})
  static final class Init extends NewKeyTask {
    @Override
    String run(KeyStoreDir keys) {
      SigningKey key = keys.init(algorithm(), passphrase(true));
      return "created " + describe(key) + " in " + keys.directory();
    }
  }

  /** Adds a key that signs from now on. */
  @Command(
      name = "rotate",
      description = {
        "Adds a new signing key (key-N+1); the older keys stay for verification.",
        "The passphrase must open the current key. Restart the node to sign with the new key."
      },
      footer = {"", "Example:", "  baton keys rotate --data ./data --alg ed25519"})
  static final class Rotate extends NewKeyTask {
    @Override
    String run(KeyStoreDir keys) {
      SigningKey key = keys.rotate(algorithm(), passphrase(false));
      return "created "
          + describe(key)
          + "; it signs once the node restarts; kept "
          + String.join(", ", keys.list().subList(0, keys.list().size() - 1));
    }
  }

  /** Lists the keys. */
  @Command(
      name = "list",
      description = {
        "Lists the node's keys, oldest first, and which one signs.",
        "With a passphrase (file or BATON_KEY_PASSPHRASE) also checks that it opens every key."
      },
      footer = {"", "Example:", "  baton keys list --data ./data"})
  static final class ListKeys extends KeysTask {
    @Override
    String run(KeyStoreDir keys) {
      List<String> ids = keys.list();
      if (ids.isEmpty())
        throw new ConfigException("no keys in " + keys.directory() + "; run baton keys init");
      String passphrase = System.getenv(CredentialExtension.PASSPHRASE_ENV);
      StringBuilder text = new StringBuilder();
      if (passphraseFile != null || (passphrase != null && !passphrase.isEmpty())) {
        for (SigningKey key : keys.load(passphrase(false)).keys()) {
          text.append(describe(key)).append('\n');
        }
      } else {
        ids.forEach(id -> text.append(id).append('\n'));
      }
      return text.append("signing: ").append(ids.get(ids.size() - 1)).toString();
    }
  }
}
