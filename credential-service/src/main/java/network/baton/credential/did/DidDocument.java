package network.baton.credential.did;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import network.baton.credential.keys.PublicKeyMaterial;

/**
 * The parts of a DID document this service uses: its id, verification methods, and which of them
 * may assert (sign credentials) or authenticate (sign presentations). Method references are stored
 * as absolute DID URLs.
 */
public record DidDocument(
    String id,
    List<VerificationMethod> verificationMethods,
    List<String> assertionMethod,
    List<String> authentication) {

  /** The DID Core context, first in every DID document this service produces. */
  public static final String DID_CONTEXT = "https://www.w3.org/ns/did/v1";

  /** The context defining {@code Multikey} and {@code publicKeyMultibase}. */
  public static final String MULTIKEY_CONTEXT = "https://w3id.org/security/multikey/v1";

  /**
   * {@code JsonWebKey} and {@code publicKeyJwk} (Controlled Identifiers 1.0), defined inline as the
   * Multikey context defines its type, so a document using them expands with the bundled contexts
   * alone and no term is dropped (JSON-LD safe mode).
   */
  private static final ObjectNode JSON_WEB_KEY_CONTEXT = jsonWebKeyContext();

  public DidDocument {
    requireNonNull(id, "id");
    if (!id.startsWith("did:")) throw new IllegalArgumentException("not a DID: " + id);
    verificationMethods = List.copyOf(verificationMethods);
    assertionMethod = List.copyOf(assertionMethod);
    authentication = List.copyOf(authentication);
  }

  /** The verification method with this DID URL (absolute, or {@code #fragment} of this DID). */
  public Optional<VerificationMethod> method(String didUrl) {
    String absolute = absolute(didUrl);
    return verificationMethods.stream().filter(m -> m.id().equals(absolute)).findFirst();
  }

  /** Whether this DID URL is listed under {@code assertionMethod}. */
  public boolean canAssert(String didUrl) {
    return assertionMethod.contains(absolute(didUrl));
  }

  /** Whether this DID URL is listed under {@code authentication}. */
  public boolean canAuthenticate(String didUrl) {
    return authentication.contains(absolute(didUrl));
  }

  private String absolute(String didUrl) {
    return didUrl.startsWith("#") ? id + didUrl : didUrl;
  }

  /** The document as JSON (DID Core JSON-LD representation). */
  public ObjectNode toJson() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode doc = f.objectNode();
    // Only the contexts whose terms the document uses.
    ArrayNode context = doc.putArray("@context").add(DID_CONTEXT);
    if (uses(VerificationMethod.MULTIKEY)) context.add(MULTIKEY_CONTEXT);
    if (uses(VerificationMethod.JSON_WEB_KEY)) context.add(JSON_WEB_KEY_CONTEXT.deepCopy());
    doc.put("id", id);
    ArrayNode methods = doc.putArray("verificationMethod");
    for (VerificationMethod m : verificationMethods) {
      ObjectNode node = methods.addObject();
      node.put("id", m.id());
      node.put("type", m.type());
      node.put("controller", m.controller());
      if (m.type().equals(VerificationMethod.MULTIKEY)) {
        node.put("publicKeyMultibase", Multikey.encode(m.key()));
      } else {
        ObjectNode jwk = node.putObject("publicKeyJwk");
        m.key().toJwk().forEach((k, v) -> jwk.put(k, (String) v));
      }
    }
    ArrayNode assertion = doc.putArray("assertionMethod");
    assertionMethod.forEach(assertion::add);
    ArrayNode auth = doc.putArray("authentication");
    authentication.forEach(auth::add);
    return doc;
  }

  private boolean uses(String type) {
    return verificationMethods.stream().anyMatch(m -> m.type().equals(type));
  }

  private static ObjectNode jsonWebKeyContext() {
    String security = "https://w3id.org/security#";
    ObjectNode context = JsonNodeFactory.instance.objectNode();
    ObjectNode type = context.putObject(VerificationMethod.JSON_WEB_KEY);
    type.put("@id", security + "JsonWebKey");
    ObjectNode scoped = type.putObject("@context");
    scoped.put("@protected", true).put("id", "@id").put("type", "@type");
    scoped.putObject("controller").put("@id", security + "controller").put("@type", "@id");
    scoped.putObject("publicKeyJwk").put("@id", security + "publicKeyJwk").put("@type", "@json");
    return context;
  }

  /** Reads a DID document; embedded or unsupported methods are skipped, bad keys fail. */
  public static DidDocument parse(JsonNode json) {
    if (json == null || !json.isObject()) {
      throw new DidResolutionException("DID document is not a JSON object");
    }
    JsonNode idNode = json.get("id");
    if (idNode == null || !idNode.isTextual() || !idNode.asText().startsWith("did:")) {
      throw new DidResolutionException("DID document has no DID as its id");
    }
    String id = idNode.asText();
    List<VerificationMethod> methods = new ArrayList<>();
    for (JsonNode m : array(json.get("verificationMethod"))) {
      methods.add(parseMethod(id, m));
    }
    return new DidDocument(
        id,
        methods,
        references(id, json.get("assertionMethod"), methods),
        references(id, json.get("authentication"), methods));
  }

  private static VerificationMethod parseMethod(String did, JsonNode m) {
    String methodId = text(m, "id");
    if (methodId.startsWith("#")) methodId = did + methodId;
    String type = text(m, "type");
    String controller = m.hasNonNull("controller") ? m.get("controller").asText() : did;
    PublicKeyMaterial key;
    try {
      if (m.hasNonNull("publicKeyMultibase")) {
        key = Multikey.decode(m.get("publicKeyMultibase").asText());
      } else if (m.has("publicKeyJwk") && m.get("publicKeyJwk").isObject()) {
        Map<String, Object> jwk = new LinkedHashMap<>();
        m.get("publicKeyJwk")
            .fields()
            .forEachRemaining(e -> jwk.put(e.getKey(), e.getValue().asText()));
        if (jwk.containsKey("d")) {
          throw new DidResolutionException(
              "verification method " + methodId + " publishes a private key");
        }
        key = PublicKeyMaterial.fromJwk(jwk);
      } else {
        throw new DidResolutionException("verification method " + methodId + " has no public key");
      }
      return new VerificationMethod(methodId, type, controller, key);
    } catch (IllegalArgumentException e) {
      throw new DidResolutionException(
          "verification method " + methodId + " is unusable: " + e.getMessage(), e);
    }
  }

  private static List<String> references(
      String did, JsonNode node, List<VerificationMethod> methods) {
    List<String> refs = new ArrayList<>();
    for (JsonNode ref : array(node)) {
      if (ref.isTextual()) {
        String value = ref.asText();
        refs.add(value.startsWith("#") ? did + value : value);
      } else if (ref.isObject()) {
        VerificationMethod embedded = parseMethod(did, ref);
        methods.add(embedded);
        refs.add(embedded.id());
      }
    }
    return refs;
  }

  private static Iterable<JsonNode> array(JsonNode node) {
    if (node == null || node.isNull()) return List.of();
    if (node.isArray()) return node;
    return List.of(node);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new DidResolutionException("verification method lacks '" + field + "'");
    }
    return value.asText();
  }
}
