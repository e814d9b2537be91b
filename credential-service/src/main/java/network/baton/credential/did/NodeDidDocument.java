package network.baton.credential.did;

import java.util.ArrayList;
import java.util.List;
import network.baton.credential.keys.KeyAlgorithm;
import network.baton.credential.keys.NodeKeys;
import network.baton.credential.keys.SigningKey;

/**
 * Builds a node's DID document from all its keys (old ones too, so older credentials still verify):
 * each key listed twice, as {@code Multikey} and as {@code JsonWebKey}, so both Data Integrity and
 * JOSE-only verifiers can use it. Its {@code did#key-N} method has the type the format gives (what
 * credentials signed with it name); the other form is {@code did#key-N-jwk} or {@code
 * did#key-N-multikey}. Every method is listed for assertion and authentication.
 */
public final class NodeDidDocument {
  /** How the {@code did#key-N} methods are written (the other form is listed beside each). */
  public enum Format {
    /** {@code Multikey} with {@code publicKeyMultibase} for every key. */
    MULTIKEY,
    /** {@code JsonWebKey} with {@code publicKeyJwk} for every key. */
    JSON_WEB_KEY,
    /** {@code Multikey} for Ed25519, {@code JsonWebKey} for P-256. */
    MIXED
  }

  private NodeDidDocument() {}

  /** The DID document for a node DID and its keys. */
  public static DidDocument build(String did, NodeKeys keys, Format format) {
    List<VerificationMethod> methods = new ArrayList<>();
    List<VerificationMethod> twins = new ArrayList<>();
    for (SigningKey key : keys.keys()) {
      String id = did + "#" + key.id();
      String type = primaryType(key, format);
      methods.add(new VerificationMethod(id, type, did, key.publicKey()));
      twins.add(
          type.equals(VerificationMethod.MULTIKEY)
              ? new VerificationMethod(
                  id + "-jwk", VerificationMethod.JSON_WEB_KEY, did, key.publicKey())
              : new VerificationMethod(
                  id + "-multikey", VerificationMethod.MULTIKEY, did, key.publicKey()));
    }
    methods.addAll(twins);
    List<String> ids = methods.stream().map(VerificationMethod::id).toList();
    return new DidDocument(did, methods, ids, ids);
  }

  /**
   * The id of the {@code JsonWebKey} method listing {@code key} in the document {@link #build}
   * makes: what a {@code vc+jwt} names as {@code kid}, so that a JOSE-only verifier finds a JWK.
   */
  public static String jsonWebKeyId(String did, SigningKey key, Format format) {
    String id = did + "#" + key.id();
    return primaryType(key, format).equals(VerificationMethod.JSON_WEB_KEY) ? id : id + "-jwk";
  }

  private static String primaryType(SigningKey key, Format format) {
    return switch (format) {
      case MULTIKEY -> VerificationMethod.MULTIKEY;
      case JSON_WEB_KEY -> VerificationMethod.JSON_WEB_KEY;
      case MIXED ->
          key.algorithm() == KeyAlgorithm.ED25519
              ? VerificationMethod.MULTIKEY
              : VerificationMethod.JSON_WEB_KEY;
    };
  }
}
