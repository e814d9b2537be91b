package network.baton.node.demo;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import network.baton.node.auth.AdminTokens;
import network.baton.node.config.ConfigException;
import network.baton.vocab.SampleContent.Institution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's folder: where each file lives (see {@link #writeReadme()}), its state ({@code
 * demo.json}: the members' ports, the sample credential's ids), the secrets kept in plain files
 * (demo only), and the wipe that {@code --reset} asks for.
 */
final class DemoFolder {
  static final String STATE_FILE = "demo.json";

  private static final Logger log = LoggerFactory.getLogger(DemoFolder.class);

  private final Path folder;
  private final SecureRandom random;

  DemoFolder(Path folder, SecureRandom random) {
    this.folder = folder;
    this.random = random;
  }

  Path path() {
    return folder;
  }

  Path coordinator(String file) {
    return folder.resolve("coordinator").resolve(file);
  }

  Path graduate(String file) {
    return folder.resolve("graduate").resolve(file);
  }

  Path tokenFile(Institution institution) {
    return folder.resolve("tokens").resolve(institution.key() + ".token");
  }

  Path credentials() {
    return folder.resolve("credentials");
  }

  Path offline() {
    return folder.resolve("offline");
  }

  /** The state saved by the last start (empty for a new folder). */
  JsonObject readState() {
    Path file = folder.resolve(STATE_FILE);
    return Files.isRegularFile(file) ? readJson(file) : new JsonObject();
  }

  void writeState(JsonObject state) {
    write(folder.resolve(STATE_FILE), state.encodePrettily() + "\n");
  }

  /** The first port a folder was set up with, if it holds a demo already. */
  static Optional<Integer> storedPortBase(Path folder) {
    Path file = folder.resolve(STATE_FILE);
    if (!Files.isRegularFile(file)) return Optional.empty();
    JsonObject ports = readJson(file).getJsonObject("ports", new JsonObject());
    return Optional.ofNullable(ports.getInteger(Institution.KOSEN.key()));
  }

  /** A random secret kept in this file (demo only), made on first use. */
  String secret(Path file) {
    if (Files.isRegularFile(file)) return read(file).strip();
    String value = AdminTokens.newToken(random);
    write(file, value + "\n");
    ownerOnly(file);
    return value;
  }

  /**
   * Wipes the folder, but only when it looks like a demo folder (never an arbitrary folder given by
   * mistake); {@code beforeWipe} sees the stored state first (to refuse a running demo's folder).
   * Whether there was a folder to wipe.
   */
  boolean wipe(Consumer<JsonObject> beforeWipe) {
    if (!Files.exists(folder)) return false;
    Path stateFile = folder.resolve(STATE_FILE);
    if (Files.isRegularFile(stateFile)) beforeWipe.accept(readJson(stateFile));
    boolean empty;
    try (Stream<Path> entries = Files.list(folder)) {
      empty = entries.findAny().isEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + folder + ": " + e.getMessage(), e);
    }
    if (!empty && !Files.isRegularFile(stateFile)) {
      throw new ConfigException(
          "not wiping " + folder + ": it holds no " + STATE_FILE + ", so it is not a demo folder");
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot wipe " + folder + ": " + e.getMessage(), e);
    }
    return true;
  }

  void writeReadme() {
    write(
        folder.resolve("README.txt"),
        """
        BATON demo network (made by `baton demo`; `baton demo --reset` wipes this folder).
        DEMO ONLY: admin tokens and passphrases are kept in plain files here.

          demo.json                 ports of the three members, the sample credential's id
          kosen/ university/ highschool/   each member's store, keys, credential records
          tokens/*.token            each member's admin token (Authorization: Bearer ...)
          node-key-passphrase.txt   passphrase of the members' signing keys
          coordinator/              coordinator key (+ passphrase.txt), public-key.txt,
                                    list.json (draft), membership.jwt (signed list)
          graduate/                 the sample graduate's wallet.pem (+ passphrase.txt), did.txt
          credentials/              credential.jwt (vc+jwt), credential-di.json (eddsa-rdfc-2022),
                                    presentation.jwt (vp+jwt for the nonce in demo.json)
          offline/                  saved DID documents, status lists and trusted.json
                                    for `baton verify --offline`
          tls/                      with --https: the local CA (ca.pem: trust it, e.g.
                                    curl --cacert tls/ca.pem; ca-key.pem), each member's
                                    certificate and key
        """);
  }

  private static void ownerOnly(Path file) {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (IOException e) {
        log.debug("cannot restrict permissions [file: {}]", file, e);
      }
    }
  }

  private static JsonObject readJson(Path file) {
    try {
      return new JsonObject(read(file));
    } catch (DecodeException e) {
      throw new ConfigException(file + " is not valid JSON; fix it or use --reset");
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file, UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  static void write(Path file, String text) {
    try {
      createDirectories(file.getParent());
      Files.writeString(file, text, UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
    }
  }
}
