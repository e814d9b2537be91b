package network.baton.credential.keys;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.Provider;
import java.security.SecureRandom;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Encrypted PKCS#8 PEM ({@code ENCRYPTED PRIVATE KEY}) with PBES2: PBKDF2-HMAC-SHA256 and
 * AES-256-CBC, written and read with Bouncy Castle's bcpkix.
 */
public final class EncryptedKeyPem {
  /**
   * PBKDF2 iterations for new files (OWASP 2021 figure for PBKDF2-HMAC-SHA256; loading stays under
   * a second per key).
   */
  public static final int DEFAULT_ITERATIONS = 310_000;

  private final Provider provider;
  private final SecureRandom random;
  private final int iterations;

  /** A codec that uses its own Bouncy Castle provider instance (not registered globally). */
  public EncryptedKeyPem(SecureRandom random) {
    this(random, DEFAULT_ITERATIONS);
  }

  /** A codec writing files with this PBKDF2 iteration count (reading takes it from the file). */
  public EncryptedKeyPem(SecureRandom random, int iterations) {
    if (iterations < 1000) throw new IllegalArgumentException("too few PBKDF2 iterations");
    this.provider = new BouncyCastleProvider();
    this.random = random;
    this.iterations = iterations;
  }

  /** The private key as encrypted PKCS#8 PEM text. */
  public String encrypt(SigningKey key, char[] passphrase) {
    requirePassphrase(passphrase);
    try {
      PrivateKeyInfo info = PrivateKeyInfoFactory.createPrivateKeyInfo(key.privateKey());
      var encryptor =
          new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
              .setPRF(PKCS8Generator.PRF_HMACSHA256)
              .setIterationCount(iterations)
              .setRandom(random)
              .setProvider(provider)
              .setPassword(passphrase)
              .build();
      StringWriter text = new StringWriter();
      try (PemWriter writer = new PemWriter(text)) {
        writer.writeObject(new PKCS8Generator(info, encryptor));
      }
      return text.toString();
    } catch (IOException | OperatorCreationException e) {
      throw new KeyFileException("cannot encrypt key " + key.id() + ": " + e.getMessage(), e);
    }
  }

  /** The private key in encrypted PKCS#8 PEM text; {@code source} names the file in errors. */
  public AsymmetricKeyParameter decrypt(String pem, char[] passphrase, String source) {
    requirePassphrase(passphrase);
    Object object;
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      object = parser.readObject();
    } catch (IOException | RuntimeException e) {
      throw new KeyFileException(source + " is not a readable PEM file: " + e.getMessage(), e);
    }
    if (!(object instanceof PKCS8EncryptedPrivateKeyInfo encrypted)) {
      throw new KeyFileException(source + " does not hold an ENCRYPTED PRIVATE KEY");
    }
    PrivateKeyInfo info;
    try {
      info =
          encrypted.decryptPrivateKeyInfo(
              new JceOpenSSLPKCS8DecryptorProviderBuilder()
                  .setProvider(provider)
                  .build(passphrase));
    } catch (PKCSException | OperatorCreationException | RuntimeException e) {
      throw new WrongPassphraseException(source);
    }
    try {
      return PrivateKeyFactory.createKey(info);
    } catch (IOException | RuntimeException e) {
      // A wrong passphrase can, rarely, still yield valid padding; the content then does not parse.
      throw new WrongPassphraseException(source);
    }
  }

  private static void requirePassphrase(char[] passphrase) {
    if (passphrase == null || passphrase.length == 0) {
      throw new KeyFileException("a non-empty key passphrase is required");
    }
  }
}
