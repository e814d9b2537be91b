package network.baton.credential.issue;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import network.baton.credential.did.DidKey;
import network.baton.credential.integrity.CanonicalizationException;
import network.baton.credential.integrity.EddsaRdfc2022;
import network.baton.credential.integrity.ProofOptions;
import network.baton.credential.keys.KeyAlgorithm;
import network.baton.credential.keys.KeyFile;
import network.baton.credential.keys.SigningKey;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * A graduate's wallet: an Ed25519 {@code did:key} and presentations of its credentials.
 *
 * <p>A presentation is either a JSON-LD presentation with an {@code eddsa-rdfc-2022} proof, or a
 * VC-JOSE-COSE {@code vp+jwt}: the payload is the VerifiablePresentation itself with {@code
 * EnvelopedVerifiableCredential} entries, and the verifier's challenge and audience are carried as
 * the JWT claims {@code nonce} and {@code aud} at the top level of that payload (VC-JOSE-COSE lets
 * JWT claims sit beside the presentation's own members).
 */
public final class HolderWallet {
  private final SigningKey key;
  private final String did;
  private final ObjectMapper mapper = new ObjectMapper();

  /** A wallet around an existing holder key (Ed25519 or P-256). */
  public HolderWallet(SigningKey key) {
    requireNonNull(key, "key");
    this.did = DidKey.of(key.publicKey());
    this.key = key.withId(DidKey.keyId(key.publicKey()));
  }

  /** A wallet with a fresh Ed25519 key. */
  public static HolderWallet generate(SecureRandom random) {
    return new HolderWallet(SigningKey.generate(KeyAlgorithm.ED25519, "holder", random));
  }

  /** Saves the holder key as an encrypted, owner-only PEM file (never overwrites one). */
  public void save(Path file, char[] passphrase, KeyFile keyFile) {
    keyFile.write(file, key, passphrase);
  }

  /** The wallet whose key was saved in this file. */
  public static HolderWallet load(Path file, char[] passphrase, KeyFile keyFile) {
    return new HolderWallet(keyFile.read(file, "holder", passphrase));
  }

  /** The holder's {@code did:key}. */
  public String did() {
    return did;
  }

  /** The holder's signing key, with its DID URL as id. */
  public SigningKey key() {
    return key;
  }

  /**
   * A JSON-LD presentation of these credentials secured with an {@code eddsa-rdfc-2022} proof by
   * the holder key (proof purpose authentication, the verifier's challenge and domain in the
   * proof). Credentials given as JSON objects (Data Integrity credentials) are embedded; strings
   * ({@code vc+jwt}) are enveloped. Needs an Ed25519 holder key.
   */
  public String presentDataIntegrity(
      List<JsonNode> credentials,
      String challenge,
      String domain,
      Instant created,
      EddsaRdfc2022 suite)
      throws CanonicalizationException {
    requireNonNull(challenge, "challenge");
    requireNonNull(domain, "domain");
    requireNonNull(suite, "suite");
    if (credentials.isEmpty()) throw new IllegalArgumentException("nothing to present");
    if (!(key.privateKey() instanceof Ed25519PrivateKeyParameters ed25519)) {
      throw new IllegalArgumentException(
          "eddsa-rdfc-2022 needs an Ed25519 holder key; this one is " + key.algorithm());
    }
    ObjectNode vp = presentation();
    ArrayNode held = vp.putArray("verifiableCredential");
    for (JsonNode credential : credentials) {
      if (credential.isTextual()) {
        envelope(held, credential.asText());
      } else if (credential.isObject() && credential.has("proof")) {
        held.add(credential);
      } else {
        throw new IllegalArgumentException(
            "a credential to present is a vc+jwt string or a JSON-LD credential with a proof");
      }
    }
    try {
      return suite.sign(
          mapper.writeValueAsString(vp),
          ProofOptions.authentication(key.id(), created, challenge, domain),
          ed25519);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise presentation", e);
    }
  }

  /**
   * A {@code vp+jwt} as the EnvelopedVerifiablePresentation of the VC Data Model 2.0 (what a VC API
   * verifier reads as {@code verifiablePresentation}).
   */
  public static String enveloped(String vpJwt) {
    requireNonNull(vpJwt, "vpJwt");
    ObjectNode envelope = new ObjectMapper().createObjectNode();
    envelope.putArray("@context").add(VcContexts.CREDENTIALS_V2);
    envelope.put("id", VcContexts.ENVELOPED_VP_PREFIX + vpJwt);
    envelope.put("type", "EnvelopedVerifiablePresentation");
    return envelope.toString();
  }

  /**
   * A {@code vp+jwt} enveloping these {@code vc+jwt} credentials for one verifier's nonce and
   * audience.
   */
  public String present(List<String> credentialJwts, String nonce, String audience) {
    requireNonNull(nonce, "nonce");
    requireNonNull(audience, "audience");
    if (credentialJwts.isEmpty()) throw new IllegalArgumentException("nothing to present");
    if (nonce.isBlank() || audience.isBlank()) {
      throw new IllegalArgumentException("nonce and audience must not be blank");
    }
    ObjectNode vp = presentation();
    ArrayNode envelopes = vp.putArray("verifiableCredential");
    for (String jwt : credentialJwts) {
      envelope(envelopes, jwt);
    }
    vp.put("nonce", nonce);
    vp.put("aud", audience);
    JWSHeader header =
        new JWSHeader.Builder(key.algorithm().jwsAlgorithm())
            .type(new JOSEObjectType(VcContexts.VP_JWT))
            .contentType("vp")
            .keyID(key.id())
            .build();
    try {
      return JwsSigning.sign(header, mapper.writeValueAsBytes(vp), key);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise presentation", e);
    }
  }

  /** A new presentation by this holder, with its context, a fresh id and its type. */
  private ObjectNode presentation() {
    ObjectNode vp = mapper.createObjectNode();
    vp.putArray("@context").add(VcContexts.CREDENTIALS_V2);
    vp.put("id", "urn:uuid:" + UUID.randomUUID());
    vp.putArray("type").add("VerifiablePresentation");
    vp.put("holder", did);
    return vp;
  }

  /** Adds a {@code vc+jwt} credential to the list as an EnvelopedVerifiableCredential. */
  private static void envelope(ArrayNode credentials, String jwt) {
    ObjectNode envelope = credentials.addObject();
    envelope.putArray("@context").add(VcContexts.CREDENTIALS_V2);
    envelope.put("id", VcContexts.ENVELOPED_VC_PREFIX + jwt);
    envelope.put("type", "EnvelopedVerifiableCredential");
  }
}
