package network.baton.node.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The node's credential settings: the passphrase of its signing keys (null: take it from the
 * environment variable {@code BATON_KEY_PASSPHRASE}), whether the node's outbound calls (did:web
 * documents, status lists, member nodes; see {@link NodeConfig#fetchPolicy}) may go to loopback
 * addresses, plain http included ({@code allowLoopbackHttp}: tests and the local demo only) or over
 * https only ({@code allowLoopbackHttps}: the local https demo), the issuer DIDs whose credentials
 * verify (empty: only the node itself), how long other issuers' status lists are cached (null: five
 * minutes; a revocation elsewhere shows here at most this late), and the PEM files of certificate
 * authorities those calls trust besides the JDK's ({@code trustedCertificates}).
 */
public record CredentialSettings(
    String keyPassphrase,
    boolean allowLoopbackHttp,
    List<String> trustedIssuers,
    Duration statusListCacheTtl,
    boolean allowLoopbackHttps,
    List<Path> trustedCertificates) {

  public CredentialSettings {
    keyPassphrase = keyPassphrase == null || keyPassphrase.isEmpty() ? null : keyPassphrase;
    trustedIssuers = List.copyOf(trustedIssuers == null ? List.of() : trustedIssuers);
    for (String did : trustedIssuers) {
      if (!did.startsWith("did:")) {
        throw new ConfigException("trustedIssuers entries must be DIDs: " + did);
      }
    }
    if (statusListCacheTtl != null && statusListCacheTtl.isNegative()) {
      throw new ConfigException("statusListCacheTtl must not be negative: " + statusListCacheTtl);
    }
    trustedCertificates =
        List.copyOf(trustedCertificates == null ? List.of() : trustedCertificates);
  }

  /** Settings with a status list cache time, no https-only loopback, the JDK's trust. */
  public CredentialSettings(
      String keyPassphrase,
      boolean allowLoopbackHttp,
      List<String> trustedIssuers,
      Duration statusListCacheTtl) {
    this(keyPassphrase, allowLoopbackHttp, trustedIssuers, statusListCacheTtl, false, List.of());
  }

  /** Settings with the default status list cache time. */
  public CredentialSettings(
      String keyPassphrase, boolean allowLoopbackHttp, List<String> trustedIssuers) {
    this(keyPassphrase, allowLoopbackHttp, trustedIssuers, null);
  }

  /** No passphrase in the config, https only, trusting only the node itself. */
  public static CredentialSettings defaults() {
    return new CredentialSettings(null, false, List.of());
  }

  /** A copy with plain http allowed (or not) for loopback hosts. */
  public CredentialSettings withLoopbackHttp(boolean allow) {
    return new CredentialSettings(
        keyPassphrase,
        allow,
        trustedIssuers,
        statusListCacheTtl,
        allowLoopbackHttps,
        trustedCertificates);
  }

  /** A copy with loopback addresses allowed (or not) over https only. */
  public CredentialSettings withLoopbackHttps(boolean allow) {
    return new CredentialSettings(
        keyPassphrase,
        allowLoopbackHttp,
        trustedIssuers,
        statusListCacheTtl,
        allow,
        trustedCertificates);
  }

  /** A copy whose https calls also trust the certificate authorities of these PEM files. */
  public CredentialSettings withTrustedCertificates(List<Path> pemFiles) {
    return new CredentialSettings(
        keyPassphrase,
        allowLoopbackHttp,
        trustedIssuers,
        statusListCacheTtl,
        allowLoopbackHttps,
        pemFiles);
  }

  /** A copy with this key passphrase. */
  public CredentialSettings withKeyPassphrase(String passphrase) {
    return new CredentialSettings(
        passphrase,
        allowLoopbackHttp,
        trustedIssuers,
        statusListCacheTtl,
        allowLoopbackHttps,
        trustedCertificates);
  }

  /** A copy trusting these issuer DIDs. */
  public CredentialSettings withTrustedIssuers(List<String> dids) {
    return new CredentialSettings(
        keyPassphrase,
        allowLoopbackHttp,
        dids,
        statusListCacheTtl,
        allowLoopbackHttps,
        trustedCertificates);
  }

  /** A copy caching other issuers' status lists for this long (zero: fetch at every check). */
  public CredentialSettings withStatusListCacheTtl(Duration ttl) {
    return new CredentialSettings(
        keyPassphrase,
        allowLoopbackHttp,
        trustedIssuers,
        ttl,
        allowLoopbackHttps,
        trustedCertificates);
  }

  // The passphrase never appears in logs or error messages.
  @Override
  public String toString() {
    return "CredentialSettings[keyPassphrase="
        + (keyPassphrase == null ? "none" : "***")
        + ", allowLoopbackHttp="
        + allowLoopbackHttp
        + ", allowLoopbackHttps="
        + allowLoopbackHttps
        + ", trustedIssuers="
        + trustedIssuers
        + ", statusListCacheTtl="
        + statusListCacheTtl
        + ", trustedCertificates="
        + trustedCertificates
        + "]";
  }
}
