package network.baton.node.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import network.baton.credential.did.Multikey;
import network.baton.credential.keys.PublicKeyMaterial;
import network.baton.node.federation.Member;
import network.baton.node.federation.Role;

/** Reads a {@link NodeConfig} from a JSON or YAML file, filling in defaults. */
public final class NodeConfigReader {

  private static final Set<String> KEYS =
      Set.of(
          "port",
          "host",
          "dataDir",
          "baseUrl",
          "name",
          "institution",
          "did",
          "adminTokenHashes",
          "bodyLimitBytes",
          "sparqlTimeout",
          "resultCap",
          "sparqlMaxQueryBytes",
          "sparqlMaxStringLength",
          "sparqlMemoryBytes",
          "sparqlMaxAnswerBytes",
          "languages",
          "keyPassphrase",
          "allowLoopbackHttp",
          "trustedIssuers",
          "statusListCacheTtl",
          "coordinatorKeys",
          "membershipSyncInterval",
          "members",
          "work",
          "trustedProxies",
          "maxNestingDepth",
          "maxJsonValues",
          "maxJsonKeys",
          "maxJsonArrayLength",
          "adminTokenFailures",
          "adminTokenFailureWindow",
          "idleTimeout");

  private static final List<String> WORK_KINDS =
      List.of("sparql", "search", "read", "write", "credentials");
  private static final Set<String> WORK_KEYS = Set.of("threads", "queue", "perClient");

  private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m)");

  private final ObjectMapper json = new ObjectMapper();
  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

  /** Reads the file (YAML when it ends in .yaml or .yml, JSON otherwise). */
  public NodeConfig read(Path file) {
    String fileName = file.getFileName().toString().toLowerCase(Locale.ROOT);
    ObjectMapper mapper = fileName.endsWith(".yaml") || fileName.endsWith(".yml") ? yaml : json;
    JsonNode tree;
    try {
      tree = mapper.readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new ConfigException("config file not found: " + file);
    } catch (JsonProcessingException e) {
      var where = e.getLocation();
      throw new ConfigException(
          "config file "
              + file
              + " is not valid "
              + (mapper == yaml ? "YAML" : "JSON")
              + (where == null
                  ? ""
                  : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")")
              + ": "
              + e.getOriginalMessage().lines().findFirst().orElse("").strip());
    } catch (IOException e) {
      throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
    }
    Path folder = file.toAbsolutePath().getParent();
    return fromTree(tree, folder);
  }

  /** Builds a config from a parsed JSON/YAML tree; relative data folders resolve against folder. */
  public NodeConfig fromTree(JsonNode tree, Path folder) {
    if (tree == null || !tree.isObject()) {
      throw new ConfigException(
          "config must be an object with keys such as port, dataDir, baseUrl");
    }
    ObjectNode object = (ObjectNode) tree;
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String key = names.next();
      if (!KEYS.contains(key)) {
        throw new ConfigException("unknown config key '" + key + "'; known keys: " + sortedKeys());
      }
    }
    NodeConfig defaults = NodeConfig.defaults(Path.of("."), URI.create("http://localhost"));
    String data = text(object, "dataDir");
    Path dataDir = data == null ? null : folder.resolve(data).normalize();
    String base = text(object, "baseUrl");
    return new NodeConfig(
        integer(object, "port", defaults.port()),
        orDefault(text(object, "host"), defaults.host()),
        dataDir,
        base == null ? null : parseUri(base),
        text(object, "name"),
        text(object, "institution"),
        text(object, "did"),
        strings(object, "adminTokenHashes", List.of()),
        longValue(object, "bodyLimitBytes", defaults.bodyLimitBytes()),
        object.has("sparqlTimeout")
            ? parseDuration("sparqlTimeout", object.get("sparqlTimeout"))
            : defaults.sparqlTimeout(),
        integer(object, "resultCap", defaults.resultCap()),
        strings(object, "languages", defaults.languages()),
        new CredentialSettings(
            text(object, "keyPassphrase"),
            bool(object, "allowLoopbackHttp"),
            strings(object, "trustedIssuers", List.of()),
            object.has("statusListCacheTtl")
                ? parseDuration("statusListCacheTtl", object.get("statusListCacheTtl"))
                : null),
        coordinatorKeys(object.get("coordinatorKeys")),
        object.has("membershipSyncInterval")
            ? parseDuration("membershipSyncInterval", object.get("membershipSyncInterval"))
            : NodeConfig.DEFAULT_MEMBERSHIP_SYNC_INTERVAL,
        members(object.get("members")),
        work(object.get("work")),
        strings(object, "trustedProxies", List.of()),
        input(object),
        new AdminLockout(
            integer(object, "adminTokenFailures", AdminLockout.DEFAULT_FAILURES),
            object.has("adminTokenFailureWindow")
                ? parseDuration("adminTokenFailureWindow", object.get("adminTokenFailureWindow"))
                : AdminLockout.DEFAULT_WINDOW),
        object.has("idleTimeout") ? parseDuration("idleTimeout", object.get("idleTimeout")) : null,
        new QueryLimits(
            longValue(object, "sparqlMaxQueryBytes", QueryLimits.DEFAULT_MAX_QUERY_BYTES),
            integer(object, "sparqlMaxStringLength", QueryLimits.DEFAULT_MAX_STRING_LENGTH),
            longValue(object, "sparqlMemoryBytes", QueryLimits.DEFAULT_MEMORY_BYTES),
            longValue(object, "sparqlMaxAnswerBytes", QueryLimits.DEFAULT_MAX_ANSWER_BYTES)));
  }

  private static InputLimits input(ObjectNode object) {
    InputLimits defaults = InputLimits.defaults();
    return new InputLimits(
        integer(object, "maxNestingDepth", defaults.maxNestingDepth()),
        integer(object, "maxJsonValues", defaults.maxJsonValues()),
        integer(object, "maxJsonKeys", defaults.maxJsonKeys()),
        integer(object, "maxJsonArrayLength", defaults.maxJsonArrayLength()));
  }

  /**
   * Reads {@code work: {sparql: {threads, queue, perClient}, search: ..., read: ..., write: ...,
   * credentials: ...}}; a kind or key left out keeps its default.
   */
  private static WorkLimits work(JsonNode value) {
    WorkLimits defaults = WorkLimits.defaults();
    if (value == null || value.isNull()) {
      return defaults;
    }
    if (!value.isObject()) {
      throw new ConfigException(
          "work must be an object such as {sparql: {threads: 1, queue: 8, perClient: 2}}");
    }
    for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
      String kind = names.next();
      if (!WORK_KINDS.contains(kind)) {
        throw new ConfigException(
            "unknown kind of work 'work." + kind + "'; known: " + String.join(", ", WORK_KINDS));
      }
    }
    return new WorkLimits(
        workLimit(value, "sparql", defaults.sparql()),
        workLimit(value, "search", defaults.search()),
        workLimit(value, "read", defaults.read()),
        workLimit(value, "write", defaults.write()),
        workLimit(value, "credentials", defaults.credentials()));
  }

  private static WorkLimit workLimit(JsonNode work, String kind, WorkLimit fallback) {
    JsonNode value = work.get(kind);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!value.isObject()) {
      throw new ConfigException("work." + kind + " must be an object {threads, queue, perClient}");
    }
    ObjectNode entry = (ObjectNode) value;
    for (Iterator<String> names = entry.fieldNames(); names.hasNext(); ) {
      String key = names.next();
      if (!WORK_KEYS.contains(key)) {
        throw new ConfigException(
            "unknown key 'work." + kind + "." + key + "'; known: perClient, queue, threads");
      }
    }
    try {
      return new WorkLimit(
          integer(entry, "threads", fallback.threads()),
          integer(entry, "queue", fallback.queue()),
          integer(entry, "perClient", fallback.perClient()));
    } catch (ConfigException e) {
      throw new ConfigException("work." + kind + ": " + e.getMessage());
    }
  }

  /** Each entry a multibase text ("z6Mk...") or a public JWK object. */
  private List<PublicKeyMaterial> coordinatorKeys(JsonNode value) {
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw new ConfigException(
          "coordinatorKeys must be a list of public keys (multibase text or JWK objects)");
    }
    List<PublicKeyMaterial> keys = new ArrayList<>();
    int index = 0;
    for (JsonNode item : value) {
      index++;
      if (item.isObject() && item.has("d")) {
        // A private JWK here would spread the coordinator's secret to every node config.
        throw new ConfigException(
            "coordinatorKeys entry " + index + " is a private key; give the public key only");
      }
      try {
        if (item.isTextual()) {
          keys.add(Multikey.decode(item.asText().strip()));
        } else if (item.isObject()) {
          keys.add(PublicKeyMaterial.fromJwk(json.convertValue(item, Map.class)));
        } else {
          throw new IllegalArgumentException("must be multibase text or a JWK object");
        }
      } catch (RuntimeException e) {
        throw new ConfigException("coordinatorKeys entry " + index + ": " + e.getMessage());
      }
    }
    return keys;
  }

  /** Parses "10s", "500ms", "2m", an ISO-8601 duration ("PT10S") or a number of seconds. */
  static Duration parseDuration(String key, JsonNode value) {
    if (value.isNumber()) {
      return Duration.ofMillis(Math.round(value.asDouble() * 1000));
    }
    String text = value.asText().strip();
    Matcher simple = SIMPLE_DURATION.matcher(text);
    if (simple.matches()) {
      long amount = Long.parseLong(simple.group(1));
      return switch (simple.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        default -> Duration.ofMinutes(amount);
      };
    }
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw new ConfigException(
          key + " must be a duration such as \"10s\", \"500ms\" or \"PT10S\": " + text);
    }
  }

  private static URI parseUri(String value) {
    try {
      return new URI(value);
    } catch (java.net.URISyntaxException e) {
      throw new ConfigException("baseUrl must be an absolute http(s) URL: " + value);
    }
  }

  private static String text(ObjectNode object, String key) {
    JsonNode value = object.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isValueNode()) {
      throw new ConfigException(key + " must be a string");
    }
    return value.asText();
  }

  private static int integer(ObjectNode object, String key, int fallback) {
    JsonNode value = object.get(key);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!value.canConvertToInt() || !value.isIntegralNumber()) {
      throw new ConfigException(key + " must be a whole number: " + value);
    }
    return value.intValue();
  }

  private static boolean bool(ObjectNode object, String key) {
    JsonNode value = object.get(key);
    if (value == null || value.isNull()) {
      return false;
    }
    if (!value.isBoolean()) {
      throw new ConfigException(key + " must be true or false: " + value);
    }
    return value.booleanValue();
  }

  private static long longValue(ObjectNode object, String key, long fallback) {
    JsonNode value = object.get(key);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!value.isIntegralNumber()) {
      throw new ConfigException(key + " must be a whole number: " + value);
    }
    return value.longValue();
  }

  private static List<String> strings(ObjectNode object, String key, List<String> fallback) {
    JsonNode value = object.get(key);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!value.isArray()) {
      throw new ConfigException(key + " must be a list of strings");
    }
    List<String> result = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isTextual()) {
        throw new ConfigException(key + " must be a list of strings: " + item);
      }
      result.add(item.asText());
    }
    return result;
  }

  /** Reads {@code members: [{did, baseUrl, name, roles}]}; each problem names the entry. */
  private static List<Member> members(JsonNode value) {
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw new ConfigException("members must be a list of {did, baseUrl, name, roles}");
    }
    List<Member> members = new ArrayList<>();
    int index = 0;
    for (JsonNode item : value) {
      index++;
      if (!item.isObject()) {
        throw new ConfigException("members entry " + index + " must be an object");
      }
      ObjectNode entry = (ObjectNode) item;
      try {
        Set<Role> roles = new HashSet<>();
        for (String role : strings(entry, "roles", List.of("publisher"))) {
          roles.add(Role.fromJson(role));
        }
        String did = text(entry, "did");
        String url = text(entry, "baseUrl");
        if (did == null || url == null) {
          throw new IllegalArgumentException("did and baseUrl are required");
        }
        members.add(new Member(did, new URI(url), text(entry, "name"), roles));
      } catch (IllegalArgumentException | java.net.URISyntaxException | ConfigException e) {
        throw new ConfigException("members entry " + index + ": " + e.getMessage());
      }
    }
    return members;
  }

  private static String orDefault(String value, String fallback) {
    return value == null ? fallback : value;
  }

  private static String sortedKeys() {
    return String.join(", ", KEYS.stream().sorted().toList());
  }
}
