package network.baton.credential.sdjwt;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import network.baton.credential.status.StatusListException;

/**
 * A Token Status List (draft-ietf-oauth-status-list, section 4): one status of {@code bits} bits
 * (1, 2, 4 or 8) per referenced token, packed from the least significant bit of byte 0 up, its
 * {@code lst} the ZLIB (RFC 1950, DEFLATE) compression of the bytes in base64url without padding.
 * Not thread-safe.
 */
public final class TokenStatusList {
  /** The bit sizes the specification allows. */
  public static final List<Integer> BITS = List.of(1, 2, 4, 8);

  /** The default bound on a decoded list from elsewhere: 1 MiB of statuses. */
  public static final int DEFAULT_MAX_BYTES = 1 << 20;

  private final int bits;
  private final byte[] bytes;

  private TokenStatusList(int bits, byte[] bytes) {
    if (!BITS.contains(bits)) throw new IllegalArgumentException("bits must be 1, 2, 4 or 8");
    this.bits = bits;
    this.bytes = bytes;
  }

  /** An all-VALID list of {@code size} statuses of {@code bits} bits. */
  public static TokenStatusList create(int bits, int size) {
    if (size < 1) throw new IllegalArgumentException("size must be positive");
    return new TokenStatusList(bits, new byte[(int) (((long) size * bits + 7) / 8)]);
  }

  /** Bits per status. */
  public int bits() {
    return bits;
  }

  /** How many statuses the list holds. */
  public int size() {
    return bytes.length * 8 / bits;
  }

  /** The status value at {@code index}. */
  public int get(int index) {
    checkIndex(index);
    int bit = index * bits;
    return (bytes[bit >>> 3] >>> (bit & 7)) & ((1 << bits) - 1);
  }

  /** Sets the status value at {@code index}. */
  public void set(int index, int value) {
    checkIndex(index);
    if (value < 0 || value >= 1 << bits) {
      throw new IllegalArgumentException(value + " does not fit in " + bits + " bit(s)");
    }
    int bit = index * bits;
    int mask = ((1 << bits) - 1) << (bit & 7);
    bytes[bit >>> 3] = (byte) ((bytes[bit >>> 3] & ~mask) | (value << (bit & 7)));
  }

  /** The {@code lst} value: ZLIB at the best compression, base64url without padding. */
  public String encode() {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    try {
      deflater.setInput(bytes);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 64 + 64);
      byte[] buffer = new byte[8192];
      while (!deflater.finished()) out.write(buffer, 0, deflater.deflate(buffer));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    } finally {
      deflater.end();
    }
  }

  /**
   * Decodes a {@code lst} of {@code bits}-bit statuses, refusing anything that is not base64url
   * ZLIB or that inflates beyond {@code maxBytes} (cut off while inflating).
   */
  public static TokenStatusList decode(int bits, String lst, int maxBytes)
      throws StatusListException {
    if (!BITS.contains(bits))
      throw new StatusListException("bits is " + bits + ", not 1, 2, 4 or 8");
    if (lst == null || lst.isEmpty()) throw new StatusListException("lst is missing");
    if (lst.length() > (long) maxBytes * 4 / 3 + 1024) {
      throw new StatusListException("lst is longer than a list of " + maxBytes + " bytes needs");
    }
    byte[] compressed;
    try {
      compressed = Base64.getUrlDecoder().decode(lst);
    } catch (IllegalArgumentException e) {
      throw new StatusListException("lst is not base64url", e);
    }
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(compressed);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new StatusListException("lst is truncated ZLIB data");
        }
        if (out.size() + n > maxBytes) {
          throw new StatusListException(
              "lst inflates to more than " + maxBytes + " bytes; refused");
        }
        out.write(buffer, 0, n);
      }
      if (out.size() == 0) throw new StatusListException("lst holds no statuses");
      return new TokenStatusList(bits, out.toByteArray());
    } catch (DataFormatException e) {
      throw new StatusListException("lst is not ZLIB data: " + e.getMessage(), e);
    } finally {
      inflater.end();
    }
  }

  private void checkIndex(int index) {
    if (index < 0 || index >= size()) {
      throw new IndexOutOfBoundsException(
          "status index " + index + " is outside the list of " + size() + " statuses");
    }
  }
}
