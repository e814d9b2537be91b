package network.baton.credential.fetch;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The certificate authorities an outbound https call trusts: the JDK's own, plus those of PEM files
 * given by the operator (a network's private CA, the local CA of {@code baton demo --https}). The
 * extra ones are added to the JDK's trust, never in its place, and host names are still verified.
 * Immutable and thread-safe.
 */
public final class TrustedCertificates {
  private static final TrustedCertificates JDK = new TrustedCertificates(List.of(), List.of());

  private final List<Path> files;
  private final List<X509Certificate> extra;
  private volatile X509ExtendedTrustManager trustManager;

  private TrustedCertificates(List<Path> files, List<X509Certificate> extra) {
    this.files = List.copyOf(files);
    this.extra = List.copyOf(extra);
  }

  /** The JDK's trust only (its cacerts and the {@code javax.net.ssl.trustStore} settings). */
  public static TrustedCertificates jdkDefaults() {
    return JDK;
  }

  /**
   * The JDK's trust plus every certificate in these PEM files; a file that is missing or holds no
   * PEM certificate fails with an {@link IllegalArgumentException} naming it in one line.
   */
  public static TrustedCertificates load(List<Path> pemFiles) {
    if (pemFiles == null || pemFiles.isEmpty()) return JDK;
    List<X509Certificate> certificates = new ArrayList<>();
    for (Path file : pemFiles) {
      certificates.addAll(read(file));
    }
    return new TrustedCertificates(pemFiles, certificates);
  }

  /** The certificates of one PEM file (at least one). */
  public static List<X509Certificate> read(Path file) {
    requireNonNull(file, "file");
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("certificate file not found: " + file);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read certificate file " + file + ": " + e);
    }
    if (!new String(bytes, java.nio.charset.StandardCharsets.US_ASCII)
        .contains("-----BEGIN CERTIFICATE-----")) {
      throw new IllegalArgumentException(
          file + " is not a PEM certificate (no -----BEGIN CERTIFICATE----- block)");
    }
    try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
      List<X509Certificate> certificates =
          CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
              .map(X509Certificate.class::cast)
              .toList();
      if (certificates.isEmpty()) {
        throw new IllegalArgumentException(file + " holds no certificate");
      }
      return certificates;
    } catch (CertificateException | IOException e) {
      throw new IllegalArgumentException(
          file + " is not a readable PEM certificate: " + e.getMessage());
    }
  }

  /** Whether only the JDK's trust applies (no file given). */
  public boolean isJdkDefault() {
    return extra.isEmpty();
  }

  /** The PEM files the extra certificates came from. */
  public List<Path> files() {
    return files;
  }

  /** The extra certificates. */
  public List<X509Certificate> certificates() {
    return extra;
  }

  /** A trust manager anchored in the JDK's trust anchors and the extra certificates. */
  public X509ExtendedTrustManager trustManager() {
    X509ExtendedTrustManager manager = trustManager;
    if (manager == null) {
      manager = extra.isEmpty() ? jdk() : withExtra();
      trustManager = manager;
    }
    return manager;
  }

  /** A TLS context with this trust (and no client certificate). */
  public SSLContext sslContext() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trustManager()}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no TLS context: " + e.getMessage(), e);
    }
  }

  // One key store of trust anchors, the JDK's and the extra ones, so one PKIX trust manager
  // builds and checks every chain (host names are checked by the HTTP client, not here).
  private X509ExtendedTrustManager withExtra() {
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      X509Certificate[] anchors = jdk().getAcceptedIssuers();
      for (int i = 0; i < anchors.length; i++) {
        store.setCertificateEntry("jdk-" + i, anchors[i]);
      }
      for (int i = 0; i < extra.size(); i++) {
        store.setCertificateEntry("extra-" + i, extra.get(i));
      }
      return of(store);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot hold the trusted certificates: " + e, e);
    }
  }

  private static X509ExtendedTrustManager jdk() {
    try {
      return of(null);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no JDK trust manager: " + e.getMessage(), e);
    }
  }

  private static X509ExtendedTrustManager of(KeyStore store) throws GeneralSecurityException {
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    return Arrays.stream(factory.getTrustManagers())
        .filter(X509ExtendedTrustManager.class::isInstance)
        .map(X509ExtendedTrustManager.class::cast)
        .findFirst()
        .orElseThrow(() -> new GeneralSecurityException("no X.509 trust manager"));
  }

  @Override
  public String toString() {
    return extra.isEmpty() ? "JDK trust" : "JDK trust and " + files;
  }
}
