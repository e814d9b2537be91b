package network.baton.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import network.baton.credential.integrity.CanonicalizationException;
import network.baton.credential.integrity.EddsaRdfc2022;
import network.baton.credential.issue.HolderWallet;
import network.baton.credential.keys.EncryptedKeyPem;
import network.baton.credential.keys.KeyFile;
import network.baton.node.config.ConfigException;
import network.baton.vocab.ContextLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `baton wallet keygen|present`: a graduate's holder key and presentations of credentials. */
@Command(
    name = "wallet",
    description = {
      "A graduate's wallet: a did:key holder key in an encrypted file, and presentations of",
      "credentials for one verifier (its nonce and audience).",
      "Passphrase: --passphrase-file, else BATON_WALLET_PASSPHRASE, else asked for (echo off).",
      "Exit code: 0 done, 2 usage error, wrong passphrase or unreadable files."
    },
    subcommands = {WalletCommand.Keygen.class, WalletCommand.Present.class},
    footer = {
      "",
      "Examples:",
      "  baton wallet keygen --out me.pem",
      "  baton wallet present --wallet me.pem --credential ec.json --nonce 8f3a --aud https://employer.example",
      "  baton wallet present --format di --wallet me.pem --credential ec.json --challenge 8f3a --domain https://employer.example"
    })
final class WalletCommand extends CommandGroup {
  /** The environment variable holding the wallet passphrase. */
  static final String PASSPHRASE_ENV = "BATON_WALLET_PASSPHRASE";

  private static KeyFile keyFile() {
    return new KeyFile(new EncryptedKeyPem(new SecureRandom()));
  }

  /** The wallet passphrase: from --passphrase-file, else the environment, else asked for. */
  static final class Passphrase {
    @Option(
        names = "--passphrase-file",
        paramLabel = "FILE",
        description = "passphrase in its first line")
    Path file;

    char[] read(boolean confirm) {
      return PassphraseSource.of(PASSPHRASE_ENV).read(file, "wallet passphrase", confirm);
    }
  }

  /** Makes a holder key. */
  @Command(
      name = "keygen",
      description = "Creates an Ed25519 holder key in an encrypted file and prints its did:key.",
      footer = {"", "Example:", "  BATON_WALLET_PASSPHRASE=... baton wallet keygen --out me.pem"})
  static final class Keygen extends TaskCommand {

    @Option(
        names = "--out",
        paramLabel = "FILE",
        required = true,
        description = "key file to create")
    Path out;

    @CommandLine.Mixin Passphrase passphrase;

    @Override
    public Integer call() {
      return SubcommandRun.exitCode(
          spec,
          () -> {
            HolderWallet wallet = HolderWallet.generate(new SecureRandom());
            wallet.save(out, passphrase.read(true), keyFile());
            spec.commandLine().getOut().println(wallet.did());
          });
    }
  }

  /** Presents credentials. */
  @Command(
      name = "present",
      description = {
        "Presents credentials to one verifier, for its nonce (challenge) and audience (domain);",
        "prints the presentation (or writes it to --out).",
        "--format jwt (default): a vp+jwt enveloping vc+jwt credentials.",
        "--enveloped: the vp+jwt as an EnvelopedVerifiablePresentation (JSON).",
        "--format di: a JSON-LD presentation with an eddsa-rdfc-2022 proof by the holder key",
        "(proof purpose authentication), holding Data Integrity credentials as they are and",
        "vc+jwt ones enveloped."
      },
      footer = {
        "",
        "Examples:",
        "  baton wallet present --wallet me.pem --credential ec.json --nonce 8f3a --aud https://employer.example",
        "  baton wallet present --format di --wallet me.pem --credential ec-di.json --challenge 8f3a --domain https://employer.example"
      })
  static final class Present extends TaskCommand {

    @Option(
        names = "--wallet",
        paramLabel = "FILE",
        required = true,
        description = "holder key file")
    Path wallet;

    @Option(
        names = "--credential",
        paramLabel = "FILE",
        required = true,
        description =
            "credential file (vc+jwt, an enveloped credential, a JSON-LD credential with a proof"
                + " (--format di) or a node's issue answer); repeatable")
    List<Path> credentials;

    @Option(
        names = {"--nonce", "--challenge"},
        paramLabel = "N",
        required = true,
        description = "the verifier's nonce (challenge, e.g. from its POST /challenges)")
    String nonce;

    @Option(
        names = {"--aud", "--domain"},
        paramLabel = "A",
        required = true,
        description = "the verifier (DID or URL): audience, or the proof's domain")
    String audience;

    @Option(
        names = "--format",
        paramLabel = "jwt|di",
        defaultValue = "jwt",
        description = "jwt: a vp+jwt (default); di: JSON-LD with an eddsa-rdfc-2022 proof")
    String format;

    @Option(
        names = "--enveloped",
        description =
            "with --format jwt: print the vp+jwt as an EnvelopedVerifiablePresentation (JSON), the"
                + " form a VC API verifier takes as verifiablePresentation")
    boolean enveloped;

    @Option(names = "--out", paramLabel = "FILE", description = "write the presentation here")
    Path out;

    @CommandLine.Mixin Passphrase passphrase;

    @Override
    public Integer call() {
      return SubcommandRun.exitCode(spec, this::present);
    }

    private void present() throws java.io.IOException, CanonicalizationException {
      if (!format.equals("jwt") && !format.equals("di")) {
        throw new ConfigException("--format is jwt or di, not " + format);
      }
      List<String> jwts = new ArrayList<>();
      List<JsonNode> held = new ArrayList<>();
      for (Path file : credentials) {
        if (format.equals("jwt")) jwts.add(CredentialFiles.credentialJwt(file));
        else held.add(CredentialFiles.presentable(file));
      }
      HolderWallet holder = HolderWallet.load(wallet, passphrase.read(false), keyFile());
      String presentation =
          format.equals("jwt")
              ? enveloped
                  ? HolderWallet.enveloped(holder.present(jwts, nonce, audience))
                  : holder.present(jwts, nonce, audience)
              : holder.presentDataIntegrity(
                  held,
                  nonce,
                  audience,
                  Instant.now(),
                  new EddsaRdfc2022(ContextLoader.bundled().documentLoader()));
      if (out == null) {
        spec.commandLine().getOut().println(presentation);
      } else {
        if (Files.exists(out)) throw new ConfigException(out + " exists; not overwriting it");
        Files.writeString(out, presentation + "\n", StandardCharsets.UTF_8);
        spec.commandLine().getErr().println("baton wallet present: wrote " + out);
      }
    }
  }
}
