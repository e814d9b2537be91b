package network.baton.node.config;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;
import network.baton.credential.fetch.TrustedCertificates;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * The node serves TLS itself: {@code tls: {certificate, privateKey}}, two PEM files (the
 * certificate chain, leaf first, and its unencrypted private key, PKCS#8 or the traditional RSA/EC
 * form). {@link #check()} reads both before the node starts so that a missing file, a file that is
 * not PEM or a key that does not belong to the certificate is one config error line.
 */
public record ServerTls(Path certificate, Path privateKey) {

  public ServerTls {
    requireNonNull(certificate, "certificate");
    requireNonNull(privateKey, "privateKey");
  }

  /** Reads both files; a ConfigException says what is wrong with which. */
  public ServerTls check() {
    List<X509Certificate> chain;
    try {
      chain = TrustedCertificates.read(certificate);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("tls.certificate: " + e.getMessage());
    }
    PrivateKey key = readKey();
    if (!matches(key, chain.get(0))) {
      throw new ConfigException(
          "tls.privateKey " + privateKey + " is not the key of the certificate in " + certificate);
    }
    return this;
  }

  private PrivateKey readKey() {
    Object pem;
    try (Reader reader = Files.newBufferedReader(privateKey);
        PEMParser parser = new PEMParser(reader)) {
      pem = parser.readObject();
    } catch (NoSuchFileException e) {
      throw new ConfigException("tls.privateKey: key file not found: " + privateKey);
    } catch (IOException | RuntimeException e) {
      throw new ConfigException("tls.privateKey: " + privateKey + " is not a PEM private key");
    }
    JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
    try {
      if (pem instanceof PrivateKeyInfo info) return converter.getPrivateKey(info);
      if (pem instanceof PEMKeyPair pair) return converter.getKeyPair(pair).getPrivate();
    } catch (IOException e) {
      throw new ConfigException("tls.privateKey: " + privateKey + " cannot be read: " + e);
    }
    throw new ConfigException(
        "tls.privateKey: "
            + privateKey
            + (pem == null
                ? " is not a PEM private key"
                : " is not an unencrypted PEM private key (PRIVATE KEY, EC or RSA PRIVATE KEY)"));
  }

  // A signature made with the key verifies with the certificate's public key.
  private static boolean matches(PrivateKey key, X509Certificate certificate) {
    String algorithm =
        switch (key.getAlgorithm()) {
          case "EC", "ECDSA" -> "SHA256withECDSA";
          case "RSA" -> "SHA256withRSA";
          case "Ed25519", "EdDSA" -> "Ed25519";
          default -> null;
        };
    if (algorithm == null) {
      throw new ConfigException("tls.privateKey: unsupported key type " + key.getAlgorithm());
    }
    byte[] probe = new byte[32];
    new SecureRandom().nextBytes(probe);
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(probe);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
