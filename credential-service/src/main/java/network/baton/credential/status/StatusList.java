package network.baton.credential.status;

import com.apicatalog.multibase.Multibase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A W3C Bitstring Status List with one bit per credential (statusSize 1): index 0 is the left-most
 * bit of the first byte. Encoded as GZIP then multibase base64url without padding ({@code u...}).
 * Not thread-safe: guard a list that several threads change.
 */
public final class StatusList {

  /** The smallest list the specification allows (16 KiB), which gives holders group privacy. */
  public static final int MIN_SIZE = 131_072;

  /** The default upper bound when decoding lists from elsewhere: 8 Mbit (1 MiB uncompressed). */
  public static final int DEFAULT_MAX_SIZE = 8 * 1024 * 1024;

  private final byte[] bits;

  private StatusList(byte[] bits) {
    this.bits = bits;
  }

  /** An all-clear list of {@code size} entries (at least {@link #MIN_SIZE}, a multiple of 8). */
  public static StatusList create(int size) {
    if (size < MIN_SIZE) {
      throw new IllegalArgumentException(
          "a status list needs at least " + MIN_SIZE + " entries, not " + size);
    }
    if (size % 8 != 0) {
      throw new IllegalArgumentException("status list size must be a multiple of 8: " + size);
    }
    return new StatusList(new byte[size / 8]);
  }

  /** An all-clear list of {@link #MIN_SIZE} entries. */
  public static StatusList create() {
    return create(MIN_SIZE);
  }

  /** An independent copy of this list. */
  public StatusList copy() {
    return new StatusList(bits.clone());
  }

  /** The raw bitstring (a copy), index 0 in the high bit of the first byte. */
  byte[] toBytes() {
    return bits.clone();
  }

  /** A list over a raw bitstring (copied); at least {@link #MIN_SIZE} entries. */
  static StatusList fromBytes(byte[] raw) {
    if (raw.length * 8 < MIN_SIZE) {
      throw new IllegalArgumentException("a status list needs at least " + MIN_SIZE + " entries");
    }
    return new StatusList(raw.clone());
  }

  /** Number of entries. */
  public int size() {
    return bits.length * 8;
  }

  /**
   * Whether the entry at {@code index} is set (revoked or suspended, depending on the list's
   * purpose).
   */
  public boolean get(int index) {
    checkIndex(index);
    return (bits[index >>> 3] & mask(index)) != 0;
  }

  /** Sets the entry at {@code index}. */
  public void set(int index) {
    checkIndex(index);
    bits[index >>> 3] |= mask(index);
  }

  /** Clears the entry at {@code index}. */
  public void clear(int index) {
    checkIndex(index);
    bits[index >>> 3] &= (byte) ~mask(index);
  }

  /** The {@code encodedList} value: GZIP of the bitstring, multibase base64url without padding. */
  public String encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bits.length / 64 + 64);
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bits);
    } catch (IOException e) {
      throw new UncheckedIOException("in-memory GZIP failed", e);
    }
    return Multibase.BASE_64_URL.encode(out.toByteArray());
  }

  /** Decodes an {@code encodedList} of at most {@link #DEFAULT_MAX_SIZE} entries. */
  public static StatusList decode(String encodedList) throws StatusListException {
    return decode(encodedList, DEFAULT_MAX_SIZE);
  }

  /**
   * Decodes an {@code encodedList}, refusing anything that is not multibase base64url GZIP, that
   * inflates beyond {@code maxSize} entries (zip bombs are cut off while inflating), or that is
   * shorter than {@link #MIN_SIZE}.
   */
  public static StatusList decode(String encodedList, int maxSize) throws StatusListException {
    if (encodedList == null || encodedList.isEmpty()) {
      throw new StatusListException("encodedList is missing");
    }
    int maxBytes = maxSize / 8;
    // GZIP of incompressible data is barely larger than the data; base64 adds a third.
    long maxEncodedChars = (long) maxBytes * 4 / 3 + maxBytes / 50 + 1024;
    if (encodedList.length() > maxEncodedChars) {
      throw new StatusListException(
          "encodedList is "
              + encodedList.length()
              + " characters, more than a list of "
              + maxSize
              + " entries needs");
    }
    if (encodedList.charAt(0) != 'u') {
      throw new StatusListException("encodedList must be multibase base64url (start with 'u')");
    }
    byte[] compressed;
    try {
      compressed = Multibase.BASE_64_URL.decode(encodedList);
    } catch (RuntimeException e) {
      throw new StatusListException("encodedList is not valid base64url", e);
    }
    byte[] bits = inflate(compressed, maxBytes, maxSize);
    if (bits.length * 8 < MIN_SIZE) {
      throw new StatusListException(
          "status list has " + bits.length * 8 + " entries, fewer than the minimum " + MIN_SIZE);
    }
    return new StatusList(bits);
  }

  private static byte[] inflate(byte[] compressed, int maxBytes, int maxSize)
      throws StatusListException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, MIN_SIZE / 8));
    byte[] buffer = new byte[8192];
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
      int total = 0;
      int n;
      while ((n = in.read(buffer)) > 0) {
        total += n;
        if (total > maxBytes) {
          throw new StatusListException(
              "status list inflates to more than " + maxSize + " entries; refused");
        }
        out.write(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new StatusListException("encodedList is not valid GZIP data", e);
    }
    return out.toByteArray();
  }

  private void checkIndex(int index) {
    if (index < 0 || index >= size()) {
      throw new IndexOutOfBoundsException(
          "status index " + index + " is outside the list of " + size() + " entries");
    }
  }

  private static byte mask(int index) {
    return (byte) (0x80 >>> (index & 7));
  }
}
