package network.baton.credential.integrity;

import static java.util.Objects.requireNonNull;

import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.multibase.Multibase;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import network.baton.vocab.UntrustedText;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The W3C Data Integrity cryptosuite {@code eddsa-rdfc-2022}: adds and verifies {@code
 * DataIntegrityProof}s on JSON-LD credentials (RDFC-1.0 canonical N-Quads, SHA-256, Ed25519,
 * base58btc proofValue). Immutable and thread-safe; contexts are loaded only through the given
 * offline document loader.
 */
public final class EddsaRdfc2022 {

  /** The cryptosuite name in {@code proof.cryptosuite}. */
  public static final String CRYPTOSUITE = "eddsa-rdfc-2022";

  /** The proof type in {@code proof.type}. */
  public static final String PROOF_TYPE = "DataIntegrityProof";

  /** Largest JSON document accepted, in characters. */
  public static final int MAX_DOCUMENT_CHARS = 1024 * 1024;

  private static final Logger log = LoggerFactory.getLogger(EddsaRdfc2022.class);
  private static final int SIGNATURE_LENGTH = Ed25519PrivateKeyParameters.SIGNATURE_SIZE;

  private final RdfCanonicalizer canonicalizer;

  /** A suite over the given offline document loader, with a 5 second limit per canonicalization. */
  public EddsaRdfc2022(DocumentLoader loader) {
    this(new RdfCanonicalizer(loader, Duration.ofSeconds(5)));
  }

  /** A suite over the given canonicalizer. */
  public EddsaRdfc2022(RdfCanonicalizer canonicalizer) {
    this.canonicalizer = requireNonNull(canonicalizer, "canonicalizer");
  }

  /**
   * Signs an unsecured credential (JSON text) and returns it with a {@code proof}. Refuses
   * documents that already carry a proof, are not JSON objects, or use terms no bundled context
   * defines.
   */
  public String sign(String unsecuredJson, ProofOptions options, Ed25519PrivateKeyParameters key)
      throws CanonicalizationException {
    return sign(parseObject(unsecuredJson), options, key).toString();
  }

  /** Signs an unsecured credential and returns it with a {@code proof}. */
  public JsonObject sign(
      JsonObject unsecured, ProofOptions options, Ed25519PrivateKeyParameters key)
      throws CanonicalizationException {
    requireNonNull(unsecured, "unsecured");
    requireNonNull(options, "options");
    requireNonNull(key, "key");
    if (unsecured.containsKey("proof")) {
      throw new IllegalArgumentException(
          "document already has a proof; sign the unsecured document");
    }
    JsonObject proofConfig = proofConfig(options);
    SigningInput input = signingInput(unsecured, proofConfig, true);
    byte[] signature = ed25519Sign(key, input.bytesToSign());
    JsonObject proof =
        Json.createObjectBuilder(proofConfig)
            .add("proofValue", Multibase.BASE_58_BTC.encode(signature))
            .build();
    return Json.createObjectBuilder(unsecured).add("proof", proof).build();
  }

  /**
   * The canonical forms eddsa-rdfc-2022 hashes for {@code unsecured} and a proof configuration (the
   * proof without {@code proofValue}); the configuration gets the document's {@code @context}.
   */
  public SigningInput signingInput(JsonObject unsecured, JsonObject proofConfig)
      throws CanonicalizationException {
    return signingInput(unsecured, proofConfig, false);
  }

  /** Verifies the assertion proof(s) of a secured credential (JSON text). */
  public ProofVerification verify(String securedJson, VerificationKeyResolver keys) {
    return verify(securedJson, keys, ProofOptions.ASSERTION_METHOD);
  }

  /**
   * Verifies every proof of a secured document (JSON text) with the expected proof purpose. All
   * proofs of a proof set must verify; any other cryptosuite is reported as unsupported.
   */
  public ProofVerification verify(
      String securedJson, VerificationKeyResolver keys, String expectedPurpose) {
    requireNonNull(keys, "keys");
    requireNonNull(expectedPurpose, "expectedPurpose");
    JsonObject secured;
    try {
      secured = parseObject(securedJson);
    } catch (IllegalArgumentException e) {
      return ProofVerification.invalid(null, e.getMessage());
    }
    List<JsonObject> proofs = new ArrayList<>();
    JsonValue proofValue = secured.get("proof");
    if (proofValue == null) {
      return ProofVerification.invalid(null, "the document has no proof");
    }
    if (proofValue instanceof JsonObject single) {
      proofs.add(single);
    } else if (proofValue instanceof JsonArray array && !array.isEmpty()) {
      for (JsonValue each : array) {
        if (!(each instanceof JsonObject p)) {
          return ProofVerification.invalid(null, "proof must be an object or an array of objects");
        }
        proofs.add(p);
      }
    } else {
      return ProofVerification.invalid(null, "proof must be an object or an array of objects");
    }
    JsonObject unsecured = Json.createObjectBuilder(secured).remove("proof").build();
    ProofVerification result = null;
    for (JsonObject proof : proofs) {
      result = verifyOne(unsecured, proof, keys, expectedPurpose);
      if (!result.valid()) {
        return result;
      }
    }
    return result;
  }

  private ProofVerification verifyOne(
      JsonObject unsecured,
      JsonObject proof,
      VerificationKeyResolver keys,
      String expectedPurpose) {
    String method = string(proof, "verificationMethod");
    if (!PROOF_TYPE.equals(string(proof, "type"))) {
      return ProofVerification.invalid(method, "proof type is not " + PROOF_TYPE);
    }
    if (!CRYPTOSUITE.equals(string(proof, "cryptosuite"))) {
      return ProofVerification.invalid(
          method,
          "unsupported cryptosuite "
              + UntrustedText.quoted(string(proof, "cryptosuite"))
              + " (only "
              + CRYPTOSUITE
              + ")");
    }
    if (method == null) {
      return ProofVerification.invalid(null, "proof has no verificationMethod");
    }
    if (!expectedPurpose.equals(string(proof, "proofPurpose"))) {
      return ProofVerification.invalid(
          method,
          "proof purpose is "
              + UntrustedText.quoted(string(proof, "proofPurpose"))
              + ", expected '"
              + expectedPurpose
              + "'");
    }
    String encoded = string(proof, "proofValue");
    if (encoded == null || !Multibase.BASE_58_BTC.isEncoded(encoded)) {
      return ProofVerification.invalid(
          method, "proofValue is missing or not base58btc multibase ('z...')");
    }
    byte[] signature;
    try {
      signature = Multibase.BASE_58_BTC.decode(encoded);
    } catch (RuntimeException e) {
      return ProofVerification.invalid(method, "proofValue is not valid base58btc");
    }
    if (signature.length != SIGNATURE_LENGTH) {
      return ProofVerification.invalid(
          method, "proofValue holds " + signature.length + " bytes, an Ed25519 signature has 64");
    }
    JsonValue proofContext = proof.get("@context");
    if (proofContext != null && !contextIsPrefix(proofContext, unsecured.get("@context"))) {
      return ProofVerification.invalid(
          method, "proof @context does not match the document's @context");
    }
    Optional<Ed25519PublicKeyParameters> key;
    try {
      key = keys.resolve(method);
    } catch (RuntimeException e) {
      log.debug("verification method could not be resolved [method: {}]", method, e);
      return ProofVerification.invalid(
          method, "verification method could not be resolved: " + e.getMessage());
    }
    if (key.isEmpty()) {
      return ProofVerification.invalid(
          method, "verification method " + method + " is not a known Ed25519 key");
    }
    JsonObject proofConfig = Json.createObjectBuilder(proof).remove("proofValue").build();
    SigningInput input;
    try {
      input = signingInput(unsecured, proofConfig, false);
    } catch (CanonicalizationException e) {
      return ProofVerification.invalid(
          method, "document cannot be canonicalized: " + e.getMessage());
    }
    Ed25519Signer verifier = new Ed25519Signer();
    verifier.init(false, key.get());
    byte[] data = input.bytesToSign();
    verifier.update(data, 0, data.length);
    if (!verifier.verifySignature(signature)) {
      return ProofVerification.invalid(
          method,
          "signature does not match: the document or its proof was changed, or another key signed it");
    }
    return ProofVerification.valid(method);
  }

  private SigningInput signingInput(
      JsonObject unsecured, JsonObject proofConfig, boolean strictTerms)
      throws CanonicalizationException {
    JsonValue context = unsecured.get("@context");
    if (context == null) {
      throw new CanonicalizationException("the document has no @context");
    }
    JsonObject configWithContext =
        Json.createObjectBuilder(proofConfig).remove("@context").add("@context", context).build();
    // The document first, so its problems are the ones reported.
    String canonicalDocument = canonicalizer.canonicalize(unsecured, strictTerms);
    String canonicalProof = canonicalizer.canonicalize(configWithContext, false);
    return new SigningInput(canonicalDocument, canonicalProof);
  }

  private static JsonObject proofConfig(ProofOptions options) {
    JsonObjectBuilder b = Json.createObjectBuilder();
    b.add("type", PROOF_TYPE);
    b.add("created", options.created().toString());
    b.add("verificationMethod", options.verificationMethod());
    b.add("cryptosuite", CRYPTOSUITE);
    b.add("proofPurpose", options.proofPurpose());
    if (options.challenge() != null) b.add("challenge", options.challenge());
    if (options.domain() != null) b.add("domain", options.domain());
    return b.build();
  }

  private static byte[] ed25519Sign(Ed25519PrivateKeyParameters key, byte[] data) {
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, key);
    signer.update(data, 0, data.length);
    return signer.generateSignature();
  }

  private static boolean contextIsPrefix(JsonValue proofContext, JsonValue documentContext) {
    List<JsonValue> proof = asList(proofContext);
    List<JsonValue> doc = asList(documentContext);
    return proof.size() <= doc.size() && doc.subList(0, proof.size()).equals(proof);
  }

  private static List<JsonValue> asList(JsonValue value) {
    if (value == null) {
      return List.of();
    }
    return value instanceof JsonArray array ? array : List.of(value);
  }

  private static String string(JsonObject object, String name) {
    return object.get(name) instanceof JsonString s ? s.getString() : null;
  }

  private static JsonObject parseObject(String json) {
    requireNonNull(json, "json");
    if (json.length() > MAX_DOCUMENT_CHARS) {
      throw new IllegalArgumentException(
          "document is larger than " + MAX_DOCUMENT_CHARS + " characters");
    }
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      JsonValue value = reader.readValue();
      if (!(value instanceof JsonObject object)) {
        throw new IllegalArgumentException("document must be a JSON object");
      }
      return object;
    } catch (JsonException e) {
      throw new IllegalArgumentException("document is not valid JSON: " + e.getMessage(), e);
    }
  }
}
