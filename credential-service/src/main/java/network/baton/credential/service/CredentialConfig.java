package network.baton.credential.service;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import network.baton.credential.did.DidWeb;
import network.baton.credential.issue.IssuerProfile;
import network.baton.credential.status.StatusList;
import network.baton.credential.verify.ConfiguredTrustList;
import network.baton.credential.verify.TrustList;

/**
 * The credential service's settings: the node's base URL (its did:web and status list URLs follow
 * from it), its display name, the folder for issued credentials and status lists, the status list
 * size, the trusted issuer DIDs (empty: only the node itself), and how long other issuers' status
 * lists are cached (a revocation there is seen at most this late).
 */
public record CredentialConfig(
    URI baseUrl,
    String issuerName,
    Path dataDir,
    int statusListSize,
    Set<String> trustedIssuers,
    Duration statusListCacheTtl) {

  /** How long other issuers' status lists are cached unless configured otherwise. */
  public static final Duration DEFAULT_STATUS_LIST_CACHE_TTL = Duration.ofMinutes(5);

  public CredentialConfig {
    requireNonNull(baseUrl, "baseUrl");
    requireNonNull(issuerName, "issuerName");
    requireNonNull(dataDir, "dataDir");
    trustedIssuers = Set.copyOf(trustedIssuers);
    statusListCacheTtl =
        statusListCacheTtl == null ? DEFAULT_STATUS_LIST_CACHE_TTL : statusListCacheTtl;
    if (statusListCacheTtl.isNegative()) {
      throw new IllegalArgumentException("status list cache TTL must not be negative");
    }
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

  /** Settings caching other issuers' status lists for {@link #DEFAULT_STATUS_LIST_CACHE_TTL}. */
  public CredentialConfig(
      URI baseUrl,
      String issuerName,
      Path dataDir,
      int statusListSize,
      Set<String> trustedIssuers) {
    this(baseUrl, issuerName, dataDir, statusListSize, trustedIssuers, null);
  }

  /** Defaults: lists of {@link StatusList#MIN_SIZE} entries, trusting only the node itself. */
  public static CredentialConfig of(URI baseUrl, String issuerName, Path dataDir) {
    return new CredentialConfig(baseUrl, issuerName, dataDir, StatusList.MIN_SIZE, Set.of());
  }

  /**
   * Reads the settings from JSON ({@code baseUrl}, {@code issuerName}, {@code dataDir}, optional
   * {@code statusListSize} and {@code trustedIssuers}); fails with a plain message on anything
   * missing or wrong.
   */
  public static CredentialConfig fromJson(JsonNode json) {
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException("credential config must be a JSON object");
    }
    Set<String> trusted = new LinkedHashSet<>();
    JsonNode issuers = json.path("trustedIssuers");
    if (!issuers.isMissingNode() && !issuers.isArray()) {
      throw new IllegalArgumentException("trustedIssuers must be a list of DIDs");
    }
    for (JsonNode did : issuers) {
      if (!did.isTextual() || !did.asText().startsWith("did:")) {
        throw new IllegalArgumentException(
            "trustedIssuers holds a value that is not a DID: " + did);
      }
      trusted.add(did.asText());
    }
    JsonNode size = json.path("statusListSize");
    if (!size.isMissingNode() && !size.canConvertToInt()) {
      throw new IllegalArgumentException("statusListSize must be an integer");
    }
    return new CredentialConfig(
        URI.create(required(json, "baseUrl")),
        required(json, "issuerName"),
        Path.of(required(json, "dataDir")),
        size.isMissingNode() ? StatusList.MIN_SIZE : size.asInt(),
        trusted);
  }

  private static String required(JsonNode json, String name) {
    JsonNode value = json.get(name);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException("credential config needs " + name);
    }
    return value.asText();
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

  /**
   * The URL of one of the node's Token Status Lists (for SD-JWT VC): {@code
   * {baseUrl}/statuslists/token/{n}}, the same list number as its Bitstring lists.
   */
  public URI tokenStatusListUrl(long list) {
    return URI.create(baseUrl + TOKEN_STATUS_LIST_PATH + list);
  }

  /** The path under the base URL where the node serves its status list tokens. */
  public static final String TOKEN_STATUS_LIST_PATH = "/statuslists/token/";

  /** Where issued credentials and status lists are kept: {@code dataDir/credentials}. */
  public Path credentialsDir() {
    return dataDir.resolve("credentials");
  }
}
