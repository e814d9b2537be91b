package network.baton.credential.schema;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.AllowSchemaLoader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The 1EdTech Open Badges 3.0 AchievementCredential JSON Schema (the JSON-LD adaptation, draft
 * 2019-09), bundled and resolved offline: its {@code $id} maps to the copy on the classpath and any
 * other remote reference is refused instead of fetched. Immutable and thread-safe; build one and
 * share it.
 */
public final class AchievementCredentialSchema {

  /** The schema's {@code $id}. */
  public static final String SCHEMA_ID =
      "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json";

  /** Largest credential JSON validated, in characters. */
  public static final int MAX_JSON_CHARS = 1024 * 1024;

  private static final String BUNDLED =
      "classpath:schemas/openbadges-3.0/ob_v3p0_achievementcredential_schema.jsonld-adaptation.json";

  private final JsonSchema schema;
  private final JsonSchema statusSchema;
  private final ObjectMapper mapper = new ObjectMapper();

  private AchievementCredentialSchema(JsonSchema schema, JsonSchema statusSchema) {
    this.schema = schema;
    this.statusSchema = statusSchema;
  }

  /** Loads the bundled schema; only classpath resources are ever read. */
  public static AchievementCredentialSchema bundled() {
    JsonSchemaFactory factory =
        JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V201909,
            builder ->
                builder
                    .schemaMappers(mappers -> mappers.mappings(Map.of(SCHEMA_ID, BUNDLED)))
                    // Loaders run after mapping: anything still remote is refused, never fetched.
                    .schemaLoaders(
                        loaders ->
                            loaders.add(
                                new AllowSchemaLoader(
                                    iri -> iri.toString().startsWith("classpath:")))));
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
    JsonSchema schema = factory.getSchema(SchemaLocation.of(SCHEMA_ID), config);
    schema.initializeValidators();
    JsonSchema status =
        factory.getSchema(SchemaLocation.of(SCHEMA_ID + "#/$defs/CredentialStatus"), config);
    status.initializeValidators();
    return new AchievementCredentialSchema(schema, status);
  }

  /**
   * Problems found in a credential (JSON text), each in plain words with its JSON pointer; empty if
   * valid.
   */
  public List<String> validate(String json) {
    requireNonNull(json, "json");
    if (json.length() > MAX_JSON_CHARS) {
      return List.of("/: the credential is larger than " + MAX_JSON_CHARS + " characters");
    }
    JsonNode node;
    try {
      node = mapper.readTree(json);
    } catch (JsonProcessingException e) {
      return List.of("/: not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null) {
      return List.of("/: empty document");
    }
    return validate(node);
  }

  /** Problems found in a credential, each in plain words with its JSON pointer; empty if valid. */
  public List<String> validate(JsonNode credential) {
    requireNonNull(credential, "credential");
    Set<ValidationMessage> messages = schema.validate(credential);
    Set<String> problems = new LinkedHashSet<>();
    for (ValidationMessage message : messages) {
      problems.add(describe(message));
    }
    return new ArrayList<>(problems);
  }

  /**
   * Problems found in one {@code credentialStatus} entry against the schema's CredentialStatus,
   * each with its JSON pointer under {@code pointer}; empty if valid.
   */
  public List<String> validateStatusEntry(JsonNode entry, String pointer) {
    requireNonNull(entry, "entry");
    requireNonNull(pointer, "pointer");
    Set<String> problems = new LinkedHashSet<>();
    for (ValidationMessage message : statusSchema.validate(entry)) {
      String described = describe(message);
      problems.add(pointer + (described.startsWith("/: ") ? described.substring(1) : described));
    }
    return new ArrayList<>(problems);
  }

  private static String describe(ValidationMessage message) {
    String pointer = message.getInstanceLocation().toString();
    if (pointer.isEmpty()) {
      pointer = "/";
    }
    String text = message.getMessage();
    // networknt prefixes its message with the location; keep one copy of it.
    String prefix = message.getInstanceLocation().toString() + ": ";
    if (text.startsWith(prefix)) {
      text = text.substring(prefix.length());
    }
    return pointer + ": " + text;
  }
}
