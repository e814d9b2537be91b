package network.baton.node.config;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import network.baton.credential.fetch.FetchPolicy;
import network.baton.credential.keys.PublicKeyMaterial;
import network.baton.node.federation.Member;
import network.baton.node.http.ClientAddresses;

/** Everything one registry node needs to start: where it listens, stores, and who it is. */
public record NodeConfig(
    int port,
    String host,
    Path dataDir,
    URI baseUrl,
    String name,
    String institution,
    String did,
    List<String> adminTokenHashes,
    long bodyLimitBytes,
    Duration sparqlTimeout,
    int resultCap,
    List<String> languages,
    CredentialSettings credentials,
    List<PublicKeyMaterial> coordinatorKeys,
    Duration membershipSyncInterval,
    List<Member> members,
    WorkLimits work,
    List<String> trustedProxies,
    InputLimits input,
    AdminLockout adminLockout,
    Duration idleTimeout,
    QueryLimits queryLimits) {

  /** Default request body limit: 10 MB. */
  public static final long DEFAULT_BODY_LIMIT = 10L * 1024 * 1024;

  /** Default SPARQL query time limit. */
  public static final Duration DEFAULT_SPARQL_TIMEOUT = Duration.ofSeconds(10);

  /** Default cap on SPARQL result rows. */
  public static final int DEFAULT_RESULT_CAP = 10_000;

  /**
   * Default time a connection may send and receive nothing before the node closes it (a client that
   * stops half-way through its request holds a connection no longer than this); a minute past the
   * sparqlTimeout when that is longer.
   */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(2);

  /** Default pause between pulls of the membership list from members (zero disables). */
  public static final Duration DEFAULT_MEMBERSHIP_SYNC_INTERVAL = Duration.ofSeconds(60);

  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*");

  public NodeConfig {
    if (port < 0 || port > 65535) {
      throw new ConfigException("port must be between 0 and 65535: " + port);
    }
    if (host == null || host.isBlank()) {
      throw new ConfigException("host must not be empty");
    }
    if (dataDir == null) {
      throw new ConfigException("dataDir is required (the folder of the node's store)");
    }
    baseUrl = checkBaseUrl(baseUrl);
    name = name == null || name.isBlank() ? "BATON node" : name.strip();
    institution = institution == null ? "" : institution.strip();
    did = did == null || did.isBlank() ? null : did.strip();
    if (did != null && !did.startsWith("did:")) {
      throw new ConfigException("did must start with 'did:': " + did);
    }
    adminTokenHashes = List.copyOf(requireNonNull(adminTokenHashes, "adminTokenHashes"));
    for (int i = 0; i < adminTokenHashes.size(); i++) {
      if (!SHA256_HEX.matcher(adminTokenHashes.get(i)).matches()) {
        // The value is not echoed: a mistaken entry may be the token itself.
        throw new ConfigException(
            "adminTokenHashes entry "
                + (i + 1)
                + " must be 64 lower-case hex digits (the hash printed by `baton token new`)");
      }
    }
    if (bodyLimitBytes <= 0) {
      throw new ConfigException("bodyLimitBytes must be positive: " + bodyLimitBytes);
    }
    requireNonNull(sparqlTimeout, "sparqlTimeout");
    if (sparqlTimeout.isNegative() || sparqlTimeout.isZero()) {
      throw new ConfigException("sparqlTimeout must be positive: " + sparqlTimeout);
    }
    if (resultCap <= 0) {
      throw new ConfigException("resultCap must be positive: " + resultCap);
    }
    languages = List.copyOf(requireNonNull(languages, "languages"));
    for (String language : languages) {
      if (!LANGUAGE_TAG.matcher(language).matches()) {
        throw new ConfigException(
            "languages entries must be BCP 47 tags such as 'ja': " + language);
      }
    }
    credentials = credentials == null ? CredentialSettings.defaults() : credentials;
    coordinatorKeys = coordinatorKeys == null ? List.of() : List.copyOf(coordinatorKeys);
    membershipSyncInterval =
        membershipSyncInterval == null ? DEFAULT_MEMBERSHIP_SYNC_INTERVAL : membershipSyncInterval;
    if (membershipSyncInterval.isNegative()) {
      throw new ConfigException(
          "membershipSyncInterval must not be negative (0 disables): " + membershipSyncInterval);
    }
    members = List.copyOf(members == null ? List.of() : members);
    if (members.stream().map(Member::did).distinct().count() != members.size()) {
      throw new ConfigException("members must not name the same DID twice");
    }
    work = work == null ? WorkLimits.defaults() : work;
    trustedProxies = List.copyOf(trustedProxies == null ? List.of() : trustedProxies);
    for (String proxy : trustedProxies) {
      if (!ClientAddresses.isLiteral(proxy.strip())) {
        throw new ConfigException(
            "trustedProxies entries must be IP addresses such as 127.0.0.1 or ::1: " + proxy);
      }
    }
    input = input == null ? InputLimits.defaults() : input;
    adminLockout = adminLockout == null ? AdminLockout.defaults() : adminLockout;
    if (idleTimeout == null) {
      Duration pastQueries = sparqlTimeout.plusMinutes(1);
      idleTimeout =
          pastQueries.compareTo(DEFAULT_IDLE_TIMEOUT) > 0 ? pastQueries : DEFAULT_IDLE_TIMEOUT;
    }
    if (idleTimeout.compareTo(sparqlTimeout) <= 0) {
      // A query sends nothing while it runs: a shorter idle timeout would cut honest ones off.
      throw new ConfigException(
          "idleTimeout ("
              + idleTimeout
              + ") must be longer than sparqlTimeout ("
              + sparqlTimeout
              + ")");
    }
    queryLimits = queryLimits == null ? QueryLimits.defaults() : queryLimits;
  }

  /** A config with the default admission limits ({@link WorkLimits#defaults()}). */
  public NodeConfig(
      int port,
      String host,
      Path dataDir,
      URI baseUrl,
      String name,
      String institution,
      String did,
      List<String> adminTokenHashes,
      long bodyLimitBytes,
      Duration sparqlTimeout,
      int resultCap,
      List<String> languages,
      CredentialSettings credentials,
      List<PublicKeyMaterial> coordinatorKeys,
      Duration membershipSyncInterval,
      List<Member> members) {
    this(
        port,
        host,
        dataDir,
        baseUrl,
        name,
        institution,
        did,
        adminTokenHashes,
        bodyLimitBytes,
        sparqlTimeout,
        resultCap,
        languages,
        credentials,
        coordinatorKeys,
        membershipSyncInterval,
        members,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** A config without coordinator keys (no federation) and the default membership sync. */
  public NodeConfig(
      int port,
      String host,
      Path dataDir,
      URI baseUrl,
      String name,
      String institution,
      String did,
      List<String> adminTokenHashes,
      long bodyLimitBytes,
      Duration sparqlTimeout,
      int resultCap,
      List<String> languages,
      CredentialSettings credentials) {
    this(
        port,
        host,
        dataDir,
        baseUrl,
        name,
        institution,
        did,
        adminTokenHashes,
        bodyLimitBytes,
        sparqlTimeout,
        resultCap,
        languages,
        credentials,
        List.of(),
        DEFAULT_MEMBERSHIP_SYNC_INTERVAL,
        List.of(),
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /**
   * The policy for every outbound call that input can steer (did:web documents, status lists,
   * member nodes): https to public addresses, loopback too with {@code allowLoopbackHttp}.
   */
  public FetchPolicy fetchPolicy() {
    return FetchPolicy.of(credentials.allowLoopbackHttp());
  }

  /** Whether the node takes part in federation (it has the coordinator's key to check lists). */
  public boolean federated() {
    return !coordinatorKeys.isEmpty();
  }

  /** A copy trusting these coordinator keys and pulling the membership list at this interval. */
  public NodeConfig withMembership(List<PublicKeyMaterial> keys, Duration syncInterval) {
    return copy(
        c -> {
          c.coordinatorKeys = keys;
          c.membershipSyncInterval = syncInterval;
        });
  }

  /** A config with defaults for everything but the data folder and base URL. */
  public static NodeConfig defaults(Path dataDir, URI baseUrl) {
    return new NodeConfig(
        8080,
        "0.0.0.0",
        dataDir,
        baseUrl,
        null,
        null,
        null,
        List.of(),
        DEFAULT_BODY_LIMIT,
        DEFAULT_SPARQL_TIMEOUT,
        DEFAULT_RESULT_CAP,
        List.of("ja", "en"),
        CredentialSettings.defaults());
  }

  /** The IRI a resource with this id has on this node. */
  public String resourceIri(String id) {
    return baseUrl + "/resources/" + id;
  }

  /** Who stored resources are attributed to: the node's DID, else its base URL. */
  public String attribution() {
    return did != null ? did : baseUrl.toString();
  }

  /** A copy listening on another port. */
  public NodeConfig withPort(int newPort) {
    return copy(c -> c.port = newPort);
  }

  /** A copy storing in another folder. */
  public NodeConfig withDataDir(Path newDataDir) {
    return copy(c -> c.dataDir = newDataDir);
  }

  /** A copy with another base URL. */
  public NodeConfig withBaseUrl(URI newBaseUrl) {
    return copy(c -> c.baseUrl = newBaseUrl);
  }

  /** A copy accepting these admin token hashes. */
  public NodeConfig withAdminTokenHashes(List<String> hashes) {
    return copy(c -> c.adminTokenHashes = hashes);
  }

  /** A copy with other request and query limits. */
  public NodeConfig withLimits(
      long newBodyLimitBytes, Duration newSparqlTimeout, int newResultCap) {
    return copy(
        c -> {
          c.bodyLimitBytes = newBodyLimitBytes;
          c.sparqlTimeout = newSparqlTimeout;
          c.resultCap = newResultCap;
        });
  }

  /** A copy with other SPARQL cost limits (query text, strings, memory, answer size). */
  public NodeConfig withQueryLimits(QueryLimits newQueryLimits) {
    return copy(c -> c.queryLimits = newQueryLimits);
  }

  /** A copy with other admission limits per kind of work. */
  public NodeConfig withWork(WorkLimits newWork) {
    return copy(c -> c.work = newWork);
  }

  /** A copy believing X-Forwarded-For from these proxies (IP literals). */
  public NodeConfig withTrustedProxies(List<String> proxies) {
    return copy(c -> c.trustedProxies = proxies);
  }

  /** A copy with other limits on the shape of request bodies. */
  public NodeConfig withInput(InputLimits newInput) {
    return copy(c -> c.input = newInput);
  }

  /** A copy with another limit on wrong admin tokens per client address. */
  public NodeConfig withAdminLockout(AdminLockout newLockout) {
    return copy(c -> c.adminLockout = newLockout);
  }

  /** A copy closing connections that send and receive nothing for this long. */
  public NodeConfig withIdleTimeout(Duration newIdleTimeout) {
    return copy(c -> c.idleTimeout = newIdleTimeout);
  }

  /** A copy with other credential settings. */
  public NodeConfig withCredentials(CredentialSettings newCredentials) {
    return copy(c -> c.credentials = newCredentials);
  }

  /** A copy calling these members for federated search and SPARQL (until a membership list). */
  public NodeConfig withMembers(List<Member> newMembers) {
    return copy(c -> c.members = newMembers);
  }

  /** A copy with some components changed; the compact constructor checks the result. */
  private NodeConfig copy(Consumer<Components> change) {
    Components c = new Components(this);
    change.accept(c);
    return new NodeConfig(
        c.port,
        c.host,
        c.dataDir,
        c.baseUrl,
        c.name,
        c.institution,
        c.did,
        c.adminTokenHashes,
        c.bodyLimitBytes,
        c.sparqlTimeout,
        c.resultCap,
        c.languages,
        c.credentials,
        c.coordinatorKeys,
        c.membershipSyncInterval,
        c.members,
        c.work,
        c.trustedProxies,
        c.input,
        c.adminLockout,
        c.idleTimeout,
        c.queryLimits);
  }

  /**
   * The components of a config being copied, so each {@code with} method names only what changes.
   */
  private static final class Components {
    int port;
    String host;
    Path dataDir;
    URI baseUrl;
    String name;
    String institution;
    String did;
    List<String> adminTokenHashes;
    long bodyLimitBytes;
    Duration sparqlTimeout;
    int resultCap;
    List<String> languages;
    CredentialSettings credentials;
    List<PublicKeyMaterial> coordinatorKeys;
    Duration membershipSyncInterval;
    List<Member> members;
    WorkLimits work;
    List<String> trustedProxies;
    InputLimits input;
    AdminLockout adminLockout;
    Duration idleTimeout;
    QueryLimits queryLimits;

    Components(NodeConfig config) {
      port = config.port;
      host = config.host;
      dataDir = config.dataDir;
      baseUrl = config.baseUrl;
      name = config.name;
      institution = config.institution;
      did = config.did;
      adminTokenHashes = config.adminTokenHashes;
      bodyLimitBytes = config.bodyLimitBytes;
      sparqlTimeout = config.sparqlTimeout;
      resultCap = config.resultCap;
      languages = config.languages;
      credentials = config.credentials;
      coordinatorKeys = config.coordinatorKeys;
      membershipSyncInterval = config.membershipSyncInterval;
      members = config.members;
      work = config.work;
      trustedProxies = config.trustedProxies;
      input = config.input;
      adminLockout = config.adminLockout;
      idleTimeout = config.idleTimeout;
      queryLimits = config.queryLimits;
    }
  }

  private static URI checkBaseUrl(URI url) {
    if (url == null) {
      throw new ConfigException("baseUrl is required (the public http(s) URL of this node)");
    }
    String scheme = url.getScheme();
    if (!url.isAbsolute()
        || url.getHost() == null
        || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
      throw new ConfigException("baseUrl must be an absolute http(s) URL: " + url);
    }
    if (url.getRawQuery() != null || url.getRawFragment() != null) {
      throw new ConfigException("baseUrl must not have a query or fragment: " + url);
    }
    String text = url.toString();
    while (text.endsWith("/")) {
      text = text.substring(0, text.length() - 1);
    }
    return URI.create(text);
  }
}
