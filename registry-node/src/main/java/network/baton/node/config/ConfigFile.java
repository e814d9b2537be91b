package network.baton.node.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The config file as Jackson binds it: one component per flat key the README's "Configuration"
 * table documents (null: left out), durations already parsed ({@link DurationDeserializer}). A new
 * key is a component here and its place in a group ({@link NodeConfigReader#toConfig}).
 */
record ConfigFile(
    Integer port,
    String host,
    String dataDir,
    String baseUrl,
    String name,
    String institution,
    String did,
    @JsonDeserialize(contentUsing = TextOnly.class) List<String> adminTokenHashes,
    Integer adminTokenFailures,
    Duration adminTokenFailureWindow,
    Long bodyLimitBytes,
    Duration idleTimeout,
    @JsonDeserialize(contentUsing = TextOnly.class) List<String> trustedProxies,
    JsonNode tls,
    Duration sparqlTimeout,
    Integer resultCap,
    Long sparqlMaxQueryBytes,
    Integer sparqlMaxStringLength,
    Long sparqlMemoryBytes,
    Long sparqlMaxAnswerBytes,
    @JsonDeserialize(contentUsing = TextOnly.class) List<String> languages,
    String keyPassphrase,
    Boolean allowLoopbackHttp,
    Boolean allowLoopbackHttps,
    @JsonDeserialize(contentUsing = TextOnly.class) List<String> trustedCertificates,
    @JsonDeserialize(contentUsing = TextOnly.class) List<String> trustedIssuers,
    Duration statusListCacheTtl,
    JsonNode coordinatorKeys,
    Duration membershipSyncInterval,
    JsonNode members,
    JsonNode work,
    Integer maxNestingDepth,
    Integer maxJsonValues,
    Integer maxJsonKeys,
    Integer maxJsonArrayLength) {

  /** The keys a config file may have, one per component. */
  static final Set<String> KEYS =
      Arrays.stream(ConfigFile.class.getRecordComponents())
          .map(component -> component.getName())
          .collect(Collectors.toUnmodifiableSet());

  // The value of a key left out, or given as null.
  static <T> T or(T value, T fallback) {
    return value == null ? fallback : value;
  }
}
