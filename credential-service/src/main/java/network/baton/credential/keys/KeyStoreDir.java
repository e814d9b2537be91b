package network.baton.credential.keys;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's signing keys in a data folder: {@code keys/key-N.pem}, each an encrypted PKCS#8 PEM file
 * readable by the owner only. The highest N signs; older keys stay for verification.
 */
public final class KeyStoreDir {
  private static final Logger log = LoggerFactory.getLogger(KeyStoreDir.class);
  private static final Pattern KEY_FILE = Pattern.compile("key-(\\d+)\\.pem");

  private final Path dir;
  private final KeyFile files;
  private final SecureRandom random;

  /** The key folder {@code dataDir/keys}; nothing is created until {@link #init}. */
  public KeyStoreDir(Path dataDir, SecureRandom random) {
    this(dataDir, random, new EncryptedKeyPem(random));
  }

  /** The key folder {@code dataDir/keys}, writing key files with this PEM codec. */
  public KeyStoreDir(Path dataDir, SecureRandom random, EncryptedKeyPem pem) {
    this.dir = requireNonNull(dataDir, "dataDir").resolve("keys");
    this.random = requireNonNull(random, "random");
    this.files = new KeyFile(requireNonNull(pem, "pem"));
  }

  /** The folder holding the key files. */
  public Path directory() {
    return dir;
  }

  /** Creates {@code key-1}; fails if the folder already holds keys. */
  public SigningKey init(KeyAlgorithm algorithm, char[] passphrase) {
    if (!list().isEmpty()) {
      throw new KeyFileException("keys already exist in " + dir + "; use rotate to add one");
    }
    return write(SigningKey.generate(algorithm, "key-1", random), passphrase);
  }

  /**
   * Adds {@code key-N+1}, which signs from now on. The passphrase must open the current key, so all
   * keys of a node share one passphrase.
   */
  public SigningKey rotate(KeyAlgorithm algorithm, char[] passphrase) {
    List<String> ids = list();
    if (ids.isEmpty()) throw new KeyFileException("no keys in " + dir + "; run init first");
    String current = ids.get(ids.size() - 1);
    readKey(current, passphrase);
    int next = number(current) + 1;
    SigningKey key = write(SigningKey.generate(algorithm, "key-" + next, random), passphrase);
    log.info("rotated node key [dir: {}, new: {}, previous: {}]", dir, key.id(), current);
    return key;
  }

  /** The key ids present, oldest first (e.g. {@code key-1, key-2}). */
  public List<String> list() {
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(p -> KEY_FILE.matcher(p.getFileName().toString()))
          .filter(Matcher::matches)
          .map(m -> Integer.parseInt(m.group(1)))
          .sorted(Comparator.naturalOrder())
          .map(n -> "key-" + n)
          .toList();
    } catch (IOException e) {
      throw new KeyFileException("cannot list keys in " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * All keys decrypted with the passphrase; a wrong one fails with a {@link
   * WrongPassphraseException}.
   */
  public NodeKeys load(char[] passphrase) {
    List<String> ids = list();
    if (ids.isEmpty()) throw new KeyFileException("no keys in " + dir + "; run init first");
    List<SigningKey> keys = new ArrayList<>();
    for (String id : ids) keys.add(readKey(id, passphrase));
    return new NodeKeys(keys);
  }

  private SigningKey readKey(String id, char[] passphrase) {
    return files.read(dir.resolve(id + ".pem"), id, passphrase);
  }

  private SigningKey write(SigningKey key, char[] passphrase) {
    Path target = dir.resolve(key.id() + ".pem");
    files.write(target, key, passphrase);
    log.info("wrote node key [file: {}, algorithm: {}]", target, key.algorithm());
    return key;
  }

  private static int number(String id) {
    return Integer.parseInt(id.substring("key-".length()));
  }
}
