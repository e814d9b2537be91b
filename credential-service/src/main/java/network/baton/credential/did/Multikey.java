package network.baton.credential.did;

import com.apicatalog.multibase.Multibase;
import java.util.Arrays;
import network.baton.credential.keys.KeyAlgorithm;
import network.baton.credential.keys.PublicKeyMaterial;

/**
 * Multikey {@code publicKeyMultibase} values: base58btc multibase ({@code z}) over a multicodec
 * prefix ({@code 0xed01} Ed25519, {@code 0x8024} P-256 compressed) and the raw public key. The
 * base58btc codec is copper-multibase's.
 */
public final class Multikey {
  private static final byte[] ED25519_PREFIX = {(byte) 0xed, 0x01};
  private static final byte[] P256_PREFIX = {(byte) 0x80, 0x24};

  private Multikey() {}

  /** The multibase text for a public key, e.g. {@code z6Mk...} for Ed25519. */
  public static String encode(PublicKeyMaterial key) {
    byte[] prefix = key.algorithm() == KeyAlgorithm.ED25519 ? ED25519_PREFIX : P256_PREFIX;
    byte[] raw = key.encoded();
    byte[] all = new byte[prefix.length + raw.length];
    System.arraycopy(prefix, 0, all, 0, prefix.length);
    System.arraycopy(raw, 0, all, prefix.length, raw.length);
    return Multibase.BASE_58_BTC.encode(all);
  }

  /** The public key in multibase text; fails with a plain message on anything else. */
  public static PublicKeyMaterial decode(String multibase) {
    if (multibase == null || !multibase.startsWith("z")) {
      throw new IllegalArgumentException("publicKeyMultibase must be base58btc (start with 'z')");
    }
    byte[] all = Multibase.BASE_58_BTC.decode(multibase);
    if (all.length < 2) throw new IllegalArgumentException("publicKeyMultibase is too short");
    byte[] prefix = Arrays.copyOfRange(all, 0, 2);
    byte[] raw = Arrays.copyOfRange(all, 2, all.length);
    if (Arrays.equals(prefix, ED25519_PREFIX))
      return new PublicKeyMaterial(KeyAlgorithm.ED25519, raw);
    if (Arrays.equals(prefix, P256_PREFIX)) return new PublicKeyMaterial(KeyAlgorithm.P256, raw);
    throw new IllegalArgumentException("unsupported multicodec key type in publicKeyMultibase");
  }
}
