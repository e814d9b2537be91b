package network.baton.node.config;

import static network.baton.node.config.ConfigFile.or;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import network.baton.credential.did.Multikey;
import network.baton.credential.fetch.TrustedCertificates;
import network.baton.credential.keys.PublicKeyMaterial;
import network.baton.node.federation.Member;
import network.baton.node.federation.Role;

/** Reads a {@link NodeConfig} from a JSON or YAML file, filling in defaults. */
public final class NodeConfigReader {

  private static final List<String> WORK_KINDS =
      List.of("sparql", "search", "read", "write", "credentials");
  private static final Set<String> WORK_KEYS = Set.of("threads", "queue", "perClient");

  private final ObjectMapper json = new ObjectMapper();
  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
  private final ObjectMapper binder = binder();

  /** Binds strictly: unknown keys refused, no text read as a number or a boolean, no 1.5 as 1. */
  private static ObjectMapper binder() {
    ObjectMapper mapper =
        JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .addModule(
                new SimpleModule().addDeserializer(Duration.class, new DurationDeserializer()))
            .build();
    return mapper;
  }

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
    return toConfig(bind((ObjectNode) tree), folder);
  }

  /** Binds the tree to the flat file record; a wrong key or value is a one-line ConfigException. */
  private ConfigFile bind(ObjectNode tree) {
    try {
      return binder.treeToValue(tree, ConfigFile.class);
    } catch (UnrecognizedPropertyException e) {
      throw new ConfigException(
          "unknown config key '" + e.getPropertyName() + "'; known keys: " + sortedKeys());
    } catch (MismatchedInputException e) {
      throw wrongType(tree, e);
    } catch (JsonProcessingException e) {
      if (e.getCause() instanceof ConfigException cause) {
        throw cause;
      }
      throw new ConfigException("config cannot be read: " + e.getOriginalMessage());
    }
  }

  /** Names the key and its value, as the value's expected type says it should be written. */
  private static ConfigException wrongType(ObjectNode tree, MismatchedInputException e) {
    List<JsonMappingException.Reference> path = e.getPath();
    String key = path.isEmpty() ? "?" : path.get(0).getFieldName();
    JsonNode value = tree.get(key);
    Class<?> type = e.getTargetType();
    if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
      return new ConfigException(key + " must be a whole number: " + value);
    }
    if (type == Boolean.class || type == boolean.class) {
      return new ConfigException(key + " must be true or false: " + value);
    }
    if (value != null && value.isArray() && path.size() > 1) {
      return new ConfigException(
          key + " must be a list of strings: " + value.get(path.get(1).getIndex()));
    }
    if (value != null && !value.isValueNode()) {
      return new ConfigException(
          key + (type == String.class ? " must be a string" : " must be a list of strings"));
    }
    return new ConfigException(key + " must be a list of strings");
  }

  /** Puts the flat keys into their groups, with a default for each key left out. */
  private NodeConfig toConfig(ConfigFile file, Path folder) {
    Path dataDir = file.dataDir() == null ? null : folder.resolve(file.dataDir()).normalize();
    URI baseUrl = file.baseUrl() == null ? null : parseUri(file.baseUrl());
    InputLimits input = InputLimits.defaults();
    return new NodeConfig(
        new Server(
            or(file.port(), 8080),
            or(file.host(), "0.0.0.0"),
            dataDir,
            baseUrl,
            or(file.bodyLimitBytes(), Server.DEFAULT_BODY_LIMIT),
            file.idleTimeout(),
            file.trustedProxies(),
            tls(file.tls(), folder)),
        new Identity(
            file.name(),
            file.institution(),
            file.did(),
            or(file.languages(), Identity.defaults().languages())),
        new Admin(
            or(file.adminTokenHashes(), List.of()),
            new AdminLockout(
                or(file.adminTokenFailures(), AdminLockout.DEFAULT_FAILURES),
                or(file.adminTokenFailureWindow(), AdminLockout.DEFAULT_WINDOW))),
        new Sparql(
            or(file.sparqlTimeout(), Sparql.DEFAULT_TIMEOUT),
            or(file.resultCap(), Sparql.DEFAULT_RESULT_CAP),
            new QueryLimits(
                or(file.sparqlMaxQueryBytes(), QueryLimits.DEFAULT_MAX_QUERY_BYTES),
                or(file.sparqlMaxStringLength(), QueryLimits.DEFAULT_MAX_STRING_LENGTH),
                or(file.sparqlMemoryBytes(), QueryLimits.DEFAULT_MEMORY_BYTES),
                or(file.sparqlMaxAnswerBytes(), QueryLimits.DEFAULT_MAX_ANSWER_BYTES))),
        new CredentialSettings(
            file.keyPassphrase(),
            or(file.allowLoopbackHttp(), false),
            file.trustedIssuers(),
            file.statusListCacheTtl(),
            or(file.allowLoopbackHttps(), false),
            trustedCertificates(file.trustedCertificates(), folder)),
        new Federation(
            coordinatorKeys(file.coordinatorKeys()),
            file.membershipSyncInterval(),
            members(file.members())),
        work(file.work()),
        new InputLimits(
            or(file.maxNestingDepth(), input.maxNestingDepth()),
            or(file.maxJsonValues(), input.maxJsonValues()),
            or(file.maxJsonKeys(), input.maxJsonKeys()),
            or(file.maxJsonArrayLength(), input.maxJsonArrayLength())));
  }

  /**
   * Reads {@code tls: {certificate, privateKey}} (PEM files, relative to the config's folder) and
   * checks both files now, so a bad one is a config error rather than a failed start.
   */
  private static ServerTls tls(JsonNode value, Path folder) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isObject()) {
      throw new ConfigException(
          "tls must be an object {certificate: cert.pem, privateKey: key.pem}");
    }
    ObjectNode entry = (ObjectNode) value;
    for (Iterator<String> names = entry.fieldNames(); names.hasNext(); ) {
      String key = names.next();
      if (!key.equals("certificate") && !key.equals("privateKey")) {
        throw new ConfigException("unknown key 'tls." + key + "'; known: certificate, privateKey");
      }
    }
    String certificate;
    String privateKey;
    try {
      certificate = text(entry, "certificate");
      privateKey = text(entry, "privateKey");
    } catch (ConfigException e) {
      throw new ConfigException("tls." + e.getMessage());
    }
    if (certificate == null || privateKey == null) {
      throw new ConfigException("tls needs both certificate and privateKey (PEM file paths)");
    }
    return new ServerTls(
            folder.resolve(certificate).normalize(), folder.resolve(privateKey).normalize())
        .check();
  }

  /** PEM files of extra certificate authorities, relative to the config's folder, read now. */
  private static List<Path> trustedCertificates(List<String> files, Path folder) {
    if (files == null) {
      return List.of();
    }
    List<Path> paths = files.stream().map(f -> folder.resolve(f).normalize()).toList();
    try {
      TrustedCertificates.load(paths);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("trustedCertificates: " + e.getMessage());
    }
    return paths;
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

  private static String sortedKeys() {
    return String.join(", ", ConfigFile.KEYS.stream().sorted().toList());
  }
}
