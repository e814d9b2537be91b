package network.baton.credential.did;

import java.util.ArrayList;
import java.util.List;
import network.baton.credential.keys.KeyAlgorithm;
import network.baton.credential.keys.NodeKeys;
import network.baton.credential.keys.SigningKey;

/**
 * Builds a node's DID document from all its keys (old ones too, so older credentials still verify):
 * each key one verification method {@code did#key-N}, listed for assertion and authentication.
 */
public final class NodeDidDocument {
  /** How verification methods are written. */
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
    List<String> ids = new ArrayList<>();
    for (SigningKey key : keys.keys()) {
      String id = did + "#" + key.id();
      String type =
          switch (format) {
            case MULTIKEY -> VerificationMethod.MULTIKEY;
            case JSON_WEB_KEY -> VerificationMethod.JSON_WEB_KEY;
            case MIXED ->
                key.algorithm() == KeyAlgorithm.ED25519
                    ? VerificationMethod.MULTIKEY
                    : VerificationMethod.JSON_WEB_KEY;
          };
      methods.add(new VerificationMethod(id, type, did, key.publicKey()));
      ids.add(id);
    }
    return new DidDocument(did, methods, ids, ids);
  }
}
