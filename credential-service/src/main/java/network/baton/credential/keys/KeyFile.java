package network.baton.credential.keys;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * One private key in one encrypted PKCS#8 PEM file, readable and writable by the owner only. Used
 * for node keys ({@link KeyStoreDir}) and for a holder's wallet key.
 */
public final class KeyFile {
  private final EncryptedKeyPem pem;

  /** Key files encrypted with this codec. */
  public KeyFile(EncryptedKeyPem pem) {
    this.pem = requireNonNull(pem, "pem");
  }

  /** Writes a new key file; refuses to overwrite one, creating missing folders owner-only. */
  public void write(Path target, SigningKey key, char[] passphrase) {
    String text = pem.encrypt(key, passphrase);
    Path dir = target.toAbsolutePath().getParent();
    try {
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(
            dir,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      }
      if (Files.exists(target)) throw new FileAlreadyExistsException(target.toString());
      // The temporary file is created with owner-only permissions from the start, then moved in
      // place atomically, so no reader ever sees a partial or world-readable key file.
      Path temp =
          Files.createTempFile(
              dir,
              target.getFileName() + "-",
              ".tmp",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      try {
        Files.writeString(temp, text, US_ASCII);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (FileAlreadyExistsException e) {
      throw new KeyFileException("key file " + target + " already exists; not overwriting it", e);
    } catch (IOException e) {
      throw new KeyFileException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  /** Reads and decrypts a key file, giving the key this id. */
  public SigningKey read(Path file, String id, char[] passphrase) {
    String text;
    try {
      text = Files.readString(file, US_ASCII);
    } catch (IOException e) {
      throw new KeyFileException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return SigningKey.of(id, pem.decrypt(text, passphrase, file.toString()));
  }
}
