package network.baton.credential.service;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Path;
import java.util.Set;
import network.baton.credential.did.DidWeb;
import network.baton.credential.issue.IssuerProfile;
import network.baton.credential.status.StatusList;
import network.baton.credential.verify.ConfiguredTrustList;
import network.baton.credential.verify.TrustList;

/**
 * The credential service's settings: the node's base URL (its did:web and status list URLs follow
 * from it), its display name, the folder for issued credentials and status lists, the status list
 * size, and the trusted issuer DIDs (empty: only the node itself).
 */
public record CredentialConfig(
    URI baseUrl, String issuerName, Path dataDir, int statusListSize, Set<String> trustedIssuers) {
  public CredentialConfig {
    requireNonNull(baseUrl, "baseUrl");
    requireNonNull(issuerName, "issuerName");
    requireNonNull(dataDir, "dataDir");
    trustedIssuers = Set.copyOf(trustedIssuers);
    if (!baseUrl.isAbsolute() || baseUrl.getHost() == null) {
      throw new IllegalArgumentException("base URL must be absolute with a host: " + baseUrl);
    }
    String text = baseUrl.toString();
    if (text.endsWith("/")) baseUrl = URI.create(text.substring(0, text.length() - 1));
    if (statusListSize < StatusList.MIN_SIZE || statusListSize % 8 != 0) {
      throw new IllegalArgumentException(
          "status list size must be a multiple of 8 and at least " + StatusList.MIN_SIZE);
    }
  }

  /** Defaults: lists of {@link StatusList#MIN_SIZE} entries, trusting only the node itself. */
  public static CredentialConfig of(URI baseUrl, String issuerName, Path dataDir) {
    return new CredentialConfig(baseUrl, issuerName, dataDir, StatusList.MIN_SIZE, Set.of());
  }

  /** The node's did:web. */
  public String issuerDid() {
    return DidWeb.fromBaseUrl(baseUrl);
  }

  /** The node as an Open Badges issuer profile. */
  public IssuerProfile issuer() {
    return new IssuerProfile(issuerDid(), issuerName);
  }

  /** The configured trust list; the node's own DID when none is configured. */
  public TrustList trustList() {
    return new ConfiguredTrustList(trustedIssuers.isEmpty() ? Set.of(issuerDid()) : trustedIssuers);
  }

  /** The URL of one of the node's status list credentials. */
  public URI statusListUrl(StatusListId list) {
    return URI.create(baseUrl + "/status/" + list.name());
  }

  /** Where issued credentials and status lists are kept: {@code dataDir/credentials}. */
  public Path credentialsDir() {
    return dataDir.resolve("credentials");
  }
}
