package network.baton.node.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import network.baton.credential.did.Multikey;
import network.baton.credential.fetch.TrustedCertificates;
import network.baton.credential.keys.PublicKeyMaterial;
import network.baton.node.federation.Member;
import network.baton.node.federation.Role;

/**
 * The config values that are objects or lists ({@code tls}, {@code trustedCertificates}, {@code
 * work}, {@code coordinatorKeys}, {@code members}), read from their JSON/YAML trees with their own
 * known keys; every problem is a one-line {@link ConfigException} naming the key or the entry.
 */
final class NestedConfigValues {

  private static final List<String> WORK_KINDS =
      List.of("sparql", "search", "read", "write", "credentials");
  private static final Set<String> WORK_KEYS = Set.of("threads", "queue", "perClient");
  private static final ObjectMapper JSON = new ObjectMapper();

  private NestedConfigValues() {}

  /**
   * Reads {@code tls: {certificate, privateKey}} (PEM files, relative to the config's folder) and
   * checks both files now, so a bad one is a config error rather than a failed start.
   */
  static ServerTls tls(JsonNode value, Path folder) {
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
  static List<Path> trustedCertificates(List<String> files, Path folder) {
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
  static WorkLimits work(JsonNode value) {
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
  static List<PublicKeyMaterial> coordinatorKeys(JsonNode value) {
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
          keys.add(PublicKeyMaterial.fromJwk(JSON.convertValue(item, Map.class)));
        } else {
          throw new IllegalArgumentException("must be multibase text or a JWK object");
        }
      } catch (RuntimeException e) {
        throw new ConfigException("coordinatorKeys entry " + index + ": " + e.getMessage());
      }
    }
    return keys;
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
  static List<Member> members(JsonNode value) {
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
}
