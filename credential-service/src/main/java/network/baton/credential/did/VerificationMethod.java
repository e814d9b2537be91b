package network.baton.credential.did;

import static java.util.Objects.requireNonNull;

import network.baton.credential.keys.PublicKeyMaterial;

/** One verification method of a DID document: an absolute DID URL id, its type and its key. */
public record VerificationMethod(String id, String type, String controller, PublicKeyMaterial key) {
  /** Type with {@code publicKeyMultibase}. */
  public static final String MULTIKEY = "Multikey";

  /** Type with {@code publicKeyJwk}. */
  public static final String JSON_WEB_KEY = "JsonWebKey";

  public VerificationMethod {
    requireNonNull(id, "id");
    requireNonNull(type, "type");
    requireNonNull(controller, "controller");
    requireNonNull(key, "key");
    if (!id.startsWith("did:") || !id.contains("#")) {
      throw new IllegalArgumentException("verification method id must be a DID URL: " + id);
    }
    if (!type.equals(MULTIKEY) && !type.equals(JSON_WEB_KEY)) {
      throw new IllegalArgumentException("unsupported verification method type: " + type);
    }
  }
}
