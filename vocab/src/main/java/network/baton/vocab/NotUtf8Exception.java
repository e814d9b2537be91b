package network.baton.vocab;

import java.util.Locale;

/** Input that is not well-formed UTF-8, with the offset (0-based) of the first bad byte. */
public final class NotUtf8Exception extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long byteOffset;

  /** The byte at this offset, with this value, starts no valid UTF-8 sequence. */
  public NotUtf8Exception(long byteOffset, int value) {
    super("not valid UTF-8 at byte " + byteOffset + String.format(Locale.ROOT, " (0x%02X)", value));
    this.byteOffset = byteOffset;
  }

  /** The 0-based offset of the first byte that is not UTF-8. */
  public long byteOffset() {
    return byteOffset;
  }
}
