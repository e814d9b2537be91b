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
import java.util.List;
import java.util.Locale;

/**
 * Reads a {@link NodeConfig} from a JSON or YAML file, filling in defaults: parses the file, binds
 * its flat keys strictly ({@link ConfigFile}) and puts them into their groups; the values that are
 * objects or lists of objects are read by {@link NestedConfigValues}.
 */
public final class NodeConfigReader {

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
            NestedConfigValues.tls(file.tls(), folder)),
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
            NestedConfigValues.trustedCertificates(file.trustedCertificates(), folder)),
        new Federation(
            NestedConfigValues.coordinatorKeys(file.coordinatorKeys()),
            file.membershipSyncInterval(),
            NestedConfigValues.members(file.members())),
        NestedConfigValues.work(file.work()),
        new InputLimits(
            or(file.maxNestingDepth(), input.maxNestingDepth()),
            or(file.maxJsonValues(), input.maxJsonValues()),
            or(file.maxJsonKeys(), input.maxJsonKeys()),
            or(file.maxJsonArrayLength(), input.maxJsonArrayLength())));
  }

  private static URI parseUri(String value) {
    try {
      return new URI(value);
    } catch (java.net.URISyntaxException e) {
      throw new ConfigException("baseUrl must be an absolute http(s) URL: " + value);
    }
  }

  private static String sortedKeys() {
    return String.join(", ", ConfigFile.KEYS.stream().sorted().toList());
  }
}
