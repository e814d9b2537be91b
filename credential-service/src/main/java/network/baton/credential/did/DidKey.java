package network.baton.credential.did;

import java.util.List;
import network.baton.credential.keys.PublicKeyMaterial;

/** {@code did:key} identifiers (Ed25519 for holders; P-256 is also decoded). */
public final class DidKey {
  private static final String PREFIX = "did:key:";

  private DidKey() {}

  /** The {@code did:key} for a public key, e.g. {@code did:key:z6Mk...}. */
  public static String of(PublicKeyMaterial key) {
    return PREFIX + Multikey.encode(key);
  }

  /** The DID URL of the key's only verification method: the DID, {@code #}, the multibase value. */
  public static String keyId(PublicKeyMaterial key) {
    String multibase = Multikey.encode(key);
    return PREFIX + multibase + "#" + multibase;
  }

  /** The public key a {@code did:key} encodes. */
  public static PublicKeyMaterial publicKey(String did) {
    if (did == null || !did.startsWith(PREFIX)) {
      throw new DidResolutionException("not a did:key: " + did);
    }
    String multibase = did.substring(PREFIX.length());
    try {
      return Multikey.decode(multibase);
    } catch (IllegalArgumentException e) {
      throw new DidResolutionException("malformed did:key " + did + ": " + e.getMessage(), e);
    }
  }

  /** The DID document a {@code did:key} stands for, computed locally. */
  public static DidDocument document(String did) {
    PublicKeyMaterial key = publicKey(did);
    String methodId = did + "#" + did.substring(PREFIX.length());
    VerificationMethod method =
        new VerificationMethod(methodId, VerificationMethod.MULTIKEY, did, key);
    return new DidDocument(did, List.of(method), List.of(methodId), List.of(methodId));
  }
}
