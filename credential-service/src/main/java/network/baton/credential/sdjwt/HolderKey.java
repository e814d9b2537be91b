package network.baton.credential.sdjwt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import network.baton.credential.did.DidKey;
import network.baton.credential.did.DidResolutionException;
import network.baton.credential.keys.PublicKeyMaterial;

/**
 * The holder's public key an SD-JWT VC is bound to ({@code cnf.jwk}), as a holder or wallet gives
 * it: a public JWK (JSON), a {@code did:key} or a {@code did:jwk} (Ed25519 or P-256). A JWK with a
 * private part ({@code d}) is refused: nobody should hand an issuer their private key.
 */
public final class HolderKey {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_CHARS = 4096;

  private HolderKey() {}

  /** The key, or an {@link IllegalArgumentException} saying why the text is not one. */
  public static PublicKeyMaterial parse(String text) {
    if (text == null || text.isBlank()) throw new IllegalArgumentException("no holder key given");
    String key = text.strip();
    if (key.length() > MAX_CHARS) throw new IllegalArgumentException("the holder key is too long");
    if (key.startsWith("did:key:")) {
      try {
        return DidKey.publicKey(key.contains("#") ? key.substring(0, key.indexOf('#')) : key);
      } catch (DidResolutionException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
    }
    if (key.startsWith("did:jwk:")) {
      String encoded = key.substring("did:jwk:".length());
      if (encoded.contains("#")) encoded = encoded.substring(0, encoded.indexOf('#'));
      try {
        return jwk(new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("malformed did:jwk: " + e.getMessage(), e);
      }
    }
    if (key.startsWith("{")) return jwk(key);
    throw new IllegalArgumentException(
        "the holder key must be a public JWK, a did:key or a did:jwk");
  }

  /** The key of a public JWK given as JSON. */
  public static PublicKeyMaterial jwk(String json) {
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the holder JWK is not JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject())
      throw new IllegalArgumentException("the JWK is not an object");
    return jwk(JSON.convertValue(node, Map.class));
  }

  /** The key of a public JWK given as a JSON object map. */
  public static PublicKeyMaterial jwk(Map<String, ?> jwk) {
    if (jwk.containsKey("d")) {
      throw new IllegalArgumentException(
          "the holder JWK has a private part (d); give the public key");
    }
    return PublicKeyMaterial.fromJwk(jwk);
  }
}
