package network.baton.credential.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyStoreDirTest {
  private static final char[] PASS = "correct horse battery staple".toCharArray();

  @TempDir Path data;

  private final SecureRandom random = new SecureRandom();

  /** Fewer PBKDF2 iterations than production keep the suite fast; the file records the count. */
  private KeyStoreDir store() {
    return new KeyStoreDir(data, random, new EncryptedKeyPem(random, 10_000));
  }

  @Test
  void initWritesOneEncryptedOwnerOnlyKeyFile() throws Exception {
    KeyStoreDir store = store();
    SigningKey key = store.init(KeyAlgorithm.ED25519, PASS);

    Path file = store.directory().resolve("key-1.pem");
    assertThat(key.id()).isEqualTo("key-1");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.directory())))
        .isEqualTo("rwx------");
    String pem = Files.readString(file);
    assertThat(pem).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
    assertThat(pem).doesNotContain("BEGIN PRIVATE KEY");
    assertThat(store.directory()).isDirectoryNotContaining("glob:**.tmp");
  }

  @Test
  void loadWithThePassphraseGivesBackTheSameKey() {
    KeyStoreDir store = store();
    SigningKey written = store.init(KeyAlgorithm.ED25519, PASS);

    NodeKeys loaded = store().load(PASS);

    assertThat(loaded.current().id()).isEqualTo("key-1");
    assertThat(loaded.current().publicKey()).isEqualTo(written.publicKey());
  }

  @Test
  void p256KeysRoundTripThroughTheEncryptedFile() {
    KeyStoreDir store = store();
    SigningKey written = store.init(KeyAlgorithm.P256, PASS);

    SigningKey loaded = store.load(PASS).current();

    assertThat(loaded.algorithm()).isEqualTo(KeyAlgorithm.P256);
    assertThat(loaded.publicKey()).isEqualTo(written.publicKey());
  }

  @Test
  void wrongPassphraseIsAClearErrorNamingTheFile() {
    KeyStoreDir store = store();
    store.init(KeyAlgorithm.ED25519, PASS);

    assertThatThrownBy(() -> store.load("not it".toCharArray()))
        .isInstanceOf(WrongPassphraseException.class)
        .hasMessageStartingWith("wrong passphrase")
        .hasMessageContaining("key-1.pem");
  }

  @Test
  void defaultSettingsWriteAKeyThatLoads() {
    KeyStoreDir store = new KeyStoreDir(data, random);
    SigningKey written = store.init(KeyAlgorithm.ED25519, PASS);

    assertThat(store().load(PASS).current().publicKey()).isEqualTo(written.publicKey());
  }

  @Test
  void emptyPassphraseIsRefused() {
    KeyStoreDir store = store();
    assertThatThrownBy(() -> store.init(KeyAlgorithm.ED25519, new char[0]))
        .isInstanceOf(KeyFileException.class)
        .hasMessageContaining("passphrase is required");
  }

  @Test
  void rotateAddsANewSigningKeyAndKeepsTheOldOnes() {
    KeyStoreDir store = store();
    SigningKey first = store.init(KeyAlgorithm.ED25519, PASS);
    SigningKey second = store.rotate(KeyAlgorithm.P256, PASS);
    SigningKey third = store.rotate(KeyAlgorithm.ED25519, PASS);

    NodeKeys keys = store.load(PASS);

    assertThat(store.list()).containsExactly("key-1", "key-2", "key-3");
    assertThat(keys.current().publicKey()).isEqualTo(third.publicKey());
    assertThat(keys.find("key-1").orElseThrow().publicKey()).isEqualTo(first.publicKey());
    assertThat(keys.find("key-2").orElseThrow().algorithm()).isEqualTo(KeyAlgorithm.P256);
    assertThat(keys.find("key-2").orElseThrow().publicKey()).isEqualTo(second.publicKey());
  }

  @Test
  void rotateWithAnotherPassphraseIsRefusedAndWritesNothing() {
    KeyStoreDir store = store();
    store.init(KeyAlgorithm.ED25519, PASS);

    assertThatThrownBy(() -> store.rotate(KeyAlgorithm.ED25519, "other".toCharArray()))
        .isInstanceOf(WrongPassphraseException.class);
    assertThat(store.list()).containsExactly("key-1");
  }

  @Test
  void initTwiceIsRefused() {
    KeyStoreDir store = store();
    store.init(KeyAlgorithm.ED25519, PASS);

    assertThatThrownBy(() -> store.init(KeyAlgorithm.ED25519, PASS))
        .isInstanceOf(KeyFileException.class)
        .hasMessageContaining("already exist");
  }

  @Test
  void rotateOrLoadWithoutKeysSaysToRunInit() {
    KeyStoreDir store = store();
    assertThat(store.list()).isEmpty();
    assertThatThrownBy(() -> store.rotate(KeyAlgorithm.ED25519, PASS))
        .hasMessageContaining("run init first");
    assertThatThrownBy(() -> store.load(PASS)).hasMessageContaining("run init first");
  }

  @Test
  void aKeyFileThatIsNotEncryptedPemIsAClearError() throws Exception {
    KeyStoreDir store = store();
    store.init(KeyAlgorithm.ED25519, PASS);
    Files.writeString(store.directory().resolve("key-1.pem"), "garbage\n");

    assertThatThrownBy(() -> store.load(PASS))
        .isInstanceOf(KeyFileException.class)
        .hasMessageContaining("ENCRYPTED PRIVATE KEY");
  }
}
