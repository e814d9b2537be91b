package network.baton.node.config;

import java.util.List;

/**
 * The node's credential settings: the passphrase of its signing keys (null: take it from the
 * environment variable {@code BATON_KEY_PASSPHRASE}), whether did:web documents and status lists
 * may be fetched over plain http from loopback hosts (tests and the local demo only), and the
 * issuer DIDs whose credentials verify (empty: only the node itself).
 */
public record CredentialSettings(
    String keyPassphrase, boolean allowLoopbackHttp, List<String> trustedIssuers) {

  public CredentialSettings {
    keyPassphrase = keyPassphrase == null || keyPassphrase.isEmpty() ? null : keyPassphrase;
    trustedIssuers = List.copyOf(trustedIssuers == null ? List.of() : trustedIssuers);
    for (String did : trustedIssuers) {
      if (!did.startsWith("did:")) {
        throw new ConfigException("trustedIssuers entries must be DIDs: " + did);
      }
    }
  }

  /** No passphrase in the config, https only, trusting only the node itself. */
  public static CredentialSettings defaults() {
    return new CredentialSettings(null, false, List.of());
  }

  /** A copy with plain http allowed (or not) for loopback hosts. */
  public CredentialSettings withLoopbackHttp(boolean allow) {
    return new CredentialSettings(keyPassphrase, allow, trustedIssuers);
  }

  /** A copy with this key passphrase. */
  public CredentialSettings withKeyPassphrase(String passphrase) {
    return new CredentialSettings(passphrase, allowLoopbackHttp, trustedIssuers);
  }

  /** A copy trusting these issuer DIDs. */
  public CredentialSettings withTrustedIssuers(List<String> dids) {
    return new CredentialSettings(keyPassphrase, allowLoopbackHttp, dids);
  }

  // The passphrase never appears in logs or error messages.
  @Override
  public String toString() {
    return "CredentialSettings[keyPassphrase="
        + (keyPassphrase == null ? "none" : "***")
        + ", allowLoopbackHttp="
        + allowLoopbackHttp
        + ", trustedIssuers="
        + trustedIssuers
        + "]";
  }
}
