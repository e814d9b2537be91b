package network.baton.node.launch;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import network.baton.credential.fetch.TrustedCertificates;
import network.baton.node.config.ServerTls;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority of a local network's own (EC P-256), kept in one folder: {@code ca.pem}
 * (what clients trust: {@code curl --cacert}, {@code baton verify --ca-cert}, the members' {@code
 * trustedCertificates}) and {@code ca-key.pem}; made on first use, reused after. Each member gets a
 * leaf certificate for {@code localhost}, {@code 127.0.0.1} and {@code ::1} ({@code KEY.pem},
 * {@code KEY-key.pem}), issued anew at each start. Local use only: the CA's key is an unencrypted
 * file.
 */
public final class LocalCa {
  /** The CA certificate's file name in the folder. */
  public static final String CERTIFICATE = "ca.pem";

  private static final Duration VALIDITY = Duration.ofDays(365);
  private static final String KEY = "ca-key.pem";

  private final Path folder;
  private final X509Certificate certificate;
  private final PrivateKey key;
  private static final SecureRandom RANDOM = new SecureRandom();

  private LocalCa(Path folder, X509Certificate certificate, PrivateKey key) {
    this.folder = folder;
    this.certificate = certificate;
    this.key = key;
  }

  /** The CA kept in this folder, made there when the folder holds none. */
  public static LocalCa in(Path folder) {
    Path certificateFile = folder.resolve(CERTIFICATE);
    Path keyFile = folder.resolve(KEY);
    try {
      if (Files.isRegularFile(certificateFile) && Files.isRegularFile(keyFile)) {
        return new LocalCa(
            folder, TrustedCertificates.read(certificateFile).get(0), readKey(keyFile));
      }
      Files.createDirectories(folder);
      KeyPair pair = p256();
      X500Name name = new X500Name("CN=BATON local network CA");
      X509v3CertificateBuilder builder = builder(name, name, pair);
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      builder
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
          .addExtension(
              Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
          .addExtension(
              Extension.subjectKeyIdentifier,
              false,
              extensions.createSubjectKeyIdentifier(pair.getPublic()));
      X509Certificate certificate = sign(builder, pair.getPrivate());
      write(keyFile, pem(pair.getPrivate()));
      write(certificateFile, pem(certificate));
      return new LocalCa(folder, certificate, pair.getPrivate());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the local CA in " + folder + ": " + e, e);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("cannot make the local CA: " + e.getMessage(), e);
    }
  }

  /** The CA certificate's file (PEM). */
  public Path certificateFile() {
    return folder.resolve(CERTIFICATE);
  }

  /** The CA certificate. */
  public X509Certificate certificate() {
    return certificate;
  }

  /**
   * A new leaf certificate and key for a member on localhost, written as {@code KEY.pem} and {@code
   * KEY-key.pem}; the TLS setting naming them.
   */
  public ServerTls issue(String member) {
    try {
      KeyPair pair = p256();
      X509v3CertificateBuilder builder =
          builder(new X500Name("CN=localhost (" + member + ")"), issuerName(), pair);
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      builder
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
          .addExtension(
              Extension.keyUsage,
              true,
              new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
          .addExtension(
              Extension.extendedKeyUsage,
              false,
              new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
          .addExtension(
              Extension.subjectAlternativeName,
              false,
              new GeneralNames(
                  new GeneralName[] {
                    new GeneralName(GeneralName.dNSName, "localhost"),
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                    new GeneralName(GeneralName.iPAddress, "::1")
                  }))
          .addExtension(
              Extension.authorityKeyIdentifier,
              false,
              extensions.createAuthorityKeyIdentifier(certificate));
      X509Certificate leaf = sign(builder, key);
      Path certificateFile = folder.resolve(member + ".pem");
      Path keyFile = folder.resolve(member + "-key.pem");
      write(keyFile, pem(pair.getPrivate()));
      write(certificateFile, pem(leaf));
      return new ServerTls(certificateFile, keyFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the certificate of " + member + ": " + e, e);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("cannot issue a certificate: " + e.getMessage(), e);
    }
  }

  private X500Name issuerName() {
    return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
  }

  private static X509v3CertificateBuilder builder(X500Name subject, X500Name issuer, KeyPair pair) {
    Instant now = Instant.now();
    return new JcaX509v3CertificateBuilder(
        issuer,
        new BigInteger(64, RANDOM).setBit(63),
        Date.from(now.minus(Duration.ofMinutes(5))),
        Date.from(now.plus(VALIDITY)),
        subject,
        pair.getPublic());
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer)
      throws OperatorCreationException, GeneralSecurityException {
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer)));
  }

  private static KeyPair p256() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
    return generator.generateKeyPair();
  }

  private static PrivateKey readKey(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, US_ASCII);
        PEMParser parser = new PEMParser(reader)) {
      Object pem = parser.readObject();
      if (!(pem instanceof PrivateKeyInfo info)) {
        throw new IOException(file + " is not a PEM private key");
      }
      return new JcaPEMKeyConverter().getPrivateKey(info);
    }
  }

  private static String pem(Object object) throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      // A private key as PKCS#8 ("PRIVATE KEY"), which Vert.x and OpenSSL both read.
      writer.writeObject(
          object instanceof PrivateKey privateKey
              ? new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(privateKey, null)
              : object);
    }
    return text.toString();
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, US_ASCII);
  }
}
