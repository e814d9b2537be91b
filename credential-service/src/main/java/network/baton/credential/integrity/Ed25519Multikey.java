package network.baton.credential.integrity;

import com.apicatalog.multibase.Multibase;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

/**
 * Ed25519 public keys as Multikey ({@code z6Mk...}: base58btc of the multicodec prefix 0xed01 and
 * the 32 key bytes) and as {@code did:key}. A small local codec so Data Integrity does not wait for
 * the full did:key codec in {@code network.baton.credential.did}; the two should be unified.
 */
public final class Ed25519Multikey {

  private static final byte[] ED25519_PUB_PREFIX = {(byte) 0xed, 0x01};
  private static final int KEY_LENGTH = Ed25519PublicKeyParameters.KEY_SIZE;

  private Ed25519Multikey() {}

  /** Encodes a public key as {@code z6Mk...}. */
  public static String encode(Ed25519PublicKeyParameters key) {
    byte[] bytes = new byte[ED25519_PUB_PREFIX.length + KEY_LENGTH];
    System.arraycopy(ED25519_PUB_PREFIX, 0, bytes, 0, ED25519_PUB_PREFIX.length);
    key.encode(bytes, ED25519_PUB_PREFIX.length);
    return Multibase.BASE_58_BTC.encode(bytes);
  }

  /**
   * Decodes {@code z6Mk...}; fails with a plain-words reason when it is not an Ed25519 Multikey.
   */
  public static Ed25519PublicKeyParameters decode(String multikey) {
    if (multikey == null || !Multibase.BASE_58_BTC.isEncoded(multikey)) {
      throw new IllegalArgumentException("not a base58btc multibase value (must start with 'z')");
    }
    byte[] bytes;
    try {
      bytes = Multibase.BASE_58_BTC.decode(multikey);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("malformed base58btc in multikey", e);
    }
    if (bytes.length != ED25519_PUB_PREFIX.length + KEY_LENGTH
        || !Arrays.equals(Arrays.copyOf(bytes, 2), ED25519_PUB_PREFIX)) {
      throw new IllegalArgumentException(
          "multikey is not an Ed25519 public key (prefix 0xed01, 32 bytes)");
    }
    return new Ed25519PublicKeyParameters(bytes, ED25519_PUB_PREFIX.length);
  }

  /** The {@code did:key} of a public key. */
  public static String didKey(Ed25519PublicKeyParameters key) {
    return "did:key:" + encode(key);
  }

  /**
   * The key inside a {@code did:key} DID or DID URL ({@code did:key:z6Mk...} or {@code
   * did:key:z6Mk...#z6Mk...}); empty for any other DID method. The fragment, when present, must
   * name the same key.
   */
  public static Optional<Ed25519PublicKeyParameters> fromDidKey(String didUrl) {
    if (didUrl == null || !didUrl.startsWith("did:key:")) {
      return Optional.empty();
    }
    String rest = didUrl.substring("did:key:".length());
    int hash = rest.indexOf('#');
    String id = hash < 0 ? rest : rest.substring(0, hash);
    if (hash >= 0 && !rest.substring(hash + 1).equals(id)) {
      return Optional.empty();
    }
    try {
      return Optional.of(decode(id));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
