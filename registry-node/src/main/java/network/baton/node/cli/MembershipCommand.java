package network.baton.node.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import network.baton.credential.did.Multikey;
import network.baton.credential.keys.EncryptedKeyPem;
import network.baton.credential.keys.KeyAlgorithm;
import network.baton.credential.keys.KeyFile;
import network.baton.credential.keys.PublicKeyMaterial;
import network.baton.credential.keys.SigningKey;
import network.baton.node.config.ConfigException;
import network.baton.node.federation.Member;
import network.baton.node.federation.Role;
import network.baton.node.federation.membership.InvalidMembershipList;
import network.baton.node.federation.membership.MembershipList;
import network.baton.node.federation.membership.MembershipVerifier;
import network.baton.node.federation.membership.SignedMembershipList;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * `baton membership`: the coordinator's tools for the signed membership list. The list is edited as
 * plain JSON (init, add, remove), then signed into the JWS that nodes exchange (sign), and checked
 * (show). The coordinator key is an encrypted Ed25519 key file opened with
 * BATON_COORDINATOR_PASSPHRASE.
 */
@Command(
    name = "membership",
    mixinStandardHelpOptions = true,
    description = {
      "Coordinator: create, edit, sign and check the network's membership list.",
      "Exit code: 0 done, 1 the list was refused or the task failed, 2 usage error, missing file",
      "or passphrase."
    },
    subcommands = {
      MembershipCommand.Init.class,
      MembershipCommand.Add.class,
      MembershipCommand.Remove.class,
      MembershipCommand.Sign.class,
      MembershipCommand.Show.class,
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
public final class MembershipCommand implements Runnable {

  /** The environment variable holding the coordinator key's passphrase. */
  public static final String PASSPHRASE_ENV = "BATON_COORDINATOR_PASSPHRASE";

  private final Function<String, String> env;
  private final Clock clock;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

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
    CommandLine cli = new CommandLine(new MembershipCommand(env::get, Clock.systemUTC()));
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("baton: " + BatonCli.oneLine(e));
          return e instanceof ConfigException ? 2 : 1;
        });
    return cli.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
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

  static MembershipList readList(Path file) {
    try {
      return MembershipList.fromJson(Files.readString(file, UTF_8));
    } catch (java.nio.file.NoSuchFileException e) {
      throw new ConfigException("list file not found: " + file + " (create it with init)");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  static void write(Path file, String text) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Files.writeString(file, text, UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  static Duration period(String text) {
    Duration period;
    try {
      // Duration.parse takes days too ("P90D"), which is how list validity is usually given.
      period = Duration.parse(text.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (DateTimeParseException e) {
      throw new ConfigException("--expires must be a period such as P90D or PT12H: " + text);
    }
    if (period.isNegative() || period.isZero()) {
      throw new ConfigException("--expires must be a positive period such as P90D: " + text);
    }
    return period;
  }

  /** Creates the coordinator key (if missing) and an empty list draft. */
  @Command(
      name = "init",
      mixinStandardHelpOptions = true,
      description = {
        "Creates the coordinator key (if missing) and an empty list draft.",
        "The Ed25519 key file is encrypted with " + PASSPHRASE_ENV + ";",
        "the public key printed goes under coordinatorKeys in every node config."
      },
      footer = {
        "",
        "Example:",
        "  baton membership init --key coordinator.pem --network BATON --expires P90D --out list.json"
      })
  static final class Init implements Callable<Integer> {
    @ParentCommand MembershipCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--key", required = true, paramLabel = "FILE", description = "coordinator key")
    Path key;

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
      Duration validity = period(expires);
      if (Files.exists(out)) {
        throw new IllegalStateException(out + " already exists; not overwriting it");
      }
      PrintWriter stdout = spec.commandLine().getOut();
      SigningKey signing;
      if (Files.exists(key)) {
        signing = parent.readKey(key);
        stdout.println("using existing coordinator key " + key);
      } else {
        char[] passphrase = parent.passphrase();
        signing = SigningKey.generate(KeyAlgorithm.ED25519, "coordinator", new SecureRandom());
        new KeyFile(new EncryptedKeyPem(new SecureRandom())).write(key, signing, passphrase);
        stdout.println("created coordinator key " + key);
      }
      Instant now = parent.clock.instant();
      MembershipList draft = new MembershipList(1, now, now.plus(validity), network, List.of());
      write(out, draft.toJson());
      PublicKeyMaterial publicKey = signing.publicKey();
      stdout.println("wrote list draft " + out);
      stdout.println("coordinator public key (add to coordinatorKeys in every node config):");
      stdout.println("  " + Multikey.encode(publicKey));
      stdout.println("  as JWK: " + json(publicKey.toJwk()));
      return 0;
    }
  }

  /** Adds or updates a member in the draft. */
  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Adds a member to the list draft (or updates the member with that DID).",
      footer = {
        "",
        "Example:",
        "  baton membership add --list list.json --did did:web:kosen.example"
            + " --url https://kosen.example --name 'Kosen' --role issuer --role publisher"
      })
  static final class Add implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--list", required = true, paramLabel = "FILE", description = "list draft")
    Path list;

    @Option(names = "--did", required = true, paramLabel = "DID", description = "member DID")
    String did;

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
      MembershipList draft = readList(list);
      Member member;
      try {
        Set<Role> parsed = EnumSet.noneOf(Role.class);
        for (String role : roles) {
          parsed.add(Role.fromJson(role.strip().toLowerCase(java.util.Locale.ROOT)));
        }
        member = new Member(did, new URI(url), name, parsed);
      } catch (IllegalArgumentException | URISyntaxException e) {
        throw new ConfigException(e.getMessage());
      }
      boolean update = draft.member(did).isPresent();
      write(list, draft.with(member).toJson());
      spec.commandLine()
          .getOut()
          .println((update ? "updated " : "added ") + did + " (" + roleNames(member) + ")");
      return 0;
    }
  }

  /** Removes a member from the draft. */
  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description = "Removes a member from the list draft; sign and distribute to take effect.",
      footer = {
        "",
        "Example:",
        "  baton membership remove --list list.json --did did:web:x.example"
      })
  static final class Remove implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--list", required = true, paramLabel = "FILE", description = "list draft")
    Path list;

    @Option(names = "--did", required = true, paramLabel = "DID", description = "member DID")
    String did;

    @Override
    public Integer call() {
      write(list, readList(list).without(did).toJson());
      spec.commandLine().getOut().println("removed " + did);
      return 0;
    }
  }

  /** Signs the next edition of the list. */
  @Command(
      name = "sign",
      mixinStandardHelpOptions = true,
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
  static final class Sign implements Callable<Integer> {
    @ParentCommand MembershipCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--list", required = true, paramLabel = "FILE", description = "list draft")
    Path list;

    @Option(names = "--key", required = true, paramLabel = "FILE", description = "coordinator key")
    Path key;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "signed list")
    Path out;

    @Option(names = "--expires", paramLabel = "PERIOD", description = "validity, e.g. P90D")
    String expires;

    @Override
    public Integer call() {
      MembershipList draft = readList(list);
      SigningKey signing = parent.readKey(key);
      Duration validity =
          expires == null ? Duration.between(draft.issuedAt(), draft.expiresAt()) : period(expires);
      Instant now = parent.clock.instant();
      MembershipList edition = draft.edition(draft.version() + 1, now, now.plus(validity));
      SignedMembershipList signed = SignedMembershipList.sign(edition, signing);
      write(out, signed.jws());
      write(list, edition.toJson());
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

  /** Verifies and prints a signed list (or prints a draft). */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = {
        "Verifies a signed list against the coordinator key and prints it.",
        "A list draft (JSON) is printed without a check.",
        "Give the public key (--coordinator-key, multibase or JWK JSON) or the key file (--key)."
      },
      footer = {
        "",
        "Examples:",
        "  baton membership show membership.jwt --coordinator-key z6Mk...",
        "  baton membership show membership.jwt --key coordinator.pem",
        "  baton membership show list.json"
      })
  static final class Show implements Callable<Integer> {
    @ParentCommand MembershipCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "signed list (membership.jwt) or draft")
    Path file;

    @Option(
        names = "--coordinator-key",
        paramLabel = "KEY",
        description = "trusted coordinator public key; repeat for several")
    List<String> coordinatorKeys = new ArrayList<>();

    @Option(names = "--key", paramLabel = "FILE", description = "coordinator key file")
    Path key;

    @Override
    public Integer call() {
      String text;
      try {
        text = Files.readString(file, UTF_8).strip();
      } catch (java.nio.file.NoSuchFileException e) {
        throw new ConfigException("file not found: " + file);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
      }
      PrintWriter out = spec.commandLine().getOut();
      if (text.startsWith("{")) {
        out.println("unsigned list draft " + file);
        print(out, MembershipList.fromJson(text));
        return 0;
      }
      List<PublicKeyMaterial> anchors = anchors();
      try {
        SignedMembershipList signed = new MembershipVerifier(anchors, parent.clock).verify(text);
        out.println("valid signed membership list " + file);
        print(out, signed.list());
        return 0;
      } catch (InvalidMembershipList e) {
        spec.commandLine().getErr().println("baton: membership list refused: " + e.getMessage());
        return 1;
      }
    }

    private List<PublicKeyMaterial> anchors() {
      List<PublicKeyMaterial> anchors = new ArrayList<>();
      for (String value : coordinatorKeys) {
        try {
          String trimmed = value.strip();
          anchors.add(
              trimmed.startsWith("{")
                  ? PublicKeyMaterial.fromJwk(new ObjectMapper().readValue(trimmed, Map.class))
                  : Multikey.decode(trimmed));
        } catch (IOException | RuntimeException e) {
          throw new ConfigException("--coordinator-key is not a public key: " + e.getMessage());
        }
      }
      if (key != null) {
        anchors.add(parent.readKey(key).publicKey());
      }
      if (anchors.isEmpty()) {
        throw new ConfigException(
            "give the coordinator key to check against: --coordinator-key KEY or --key FILE");
      }
      return anchors;
    }
  }

  static void print(PrintWriter out, MembershipList list) {
    out.println("network:  " + list.network());
    out.println("version:  " + list.version());
    out.println("issued:   " + list.issuedAt());
    out.println("expires:  " + list.expiresAt());
    out.println("members:  " + list.members().size());
    for (Member member : list.members()) {
      out.println(
          "  "
              + member.did()
              + "  "
              + member.baseUrl()
              + "  "
              + (member.name().isEmpty() ? "-" : member.name())
              + "  ["
              + roleNames(member)
              + "]");
    }
  }

  static String roleNames(Member member) {
    return member.roles().stream().map(Role::jsonName).sorted().collect(Collectors.joining(", "));
  }

  static String json(Map<String, Object> value) {
    try {
      return new ObjectMapper().writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
