package network.baton.credential.status;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The order in which one status list's indexes are handed out: a permutation of {@code [0, size)}
 * drawn from a secret key and the list number, so an observer cannot tell issuance order from an
 * index (the Bitstring Status List privacy section recommends random allocation), while the same
 * key always gives the same order and the allocator only has to remember how many it handed out.
 *
 * <p>Written by hand: no library here offers a keyed permutation of an arbitrary range (Bouncy
 * Castle's FF1 needs a domain of at least 10^6 and cycle-walking). This is a Fisher-Yates shuffle
 * whose random numbers come from AES-CTR under the key (IV = the list number), with rejection
 * sampling so every permutation is equally likely.
 */
final class ListPermutation {
  private final int[] order;

  private ListPermutation(int[] order) {
    this.order = order;
  }

  /** The permutation of list {@code list} of {@code size} entries under a 16 or 32 byte key. */
  static ListPermutation of(byte[] key, long list, int size) {
    requireNonNull(key, "key");
    if (size < 1) throw new IllegalArgumentException("size must be positive");
    Keystream stream = new Keystream(key, list);
    int[] order = new int[size];
    for (int i = 0; i < size; i++) order[i] = i;
    for (int i = size - 1; i > 0; i--) {
      int j = stream.below(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return new ListPermutation(order);
  }

  /** The index handed out {@code nth} in this list. */
  int index(int nth) {
    return order[nth];
  }

  private static final class Keystream {
    private final Cipher cipher;
    private final ByteBuffer buffer = ByteBuffer.allocate(4096);

    Keystream(byte[] key, long list) {
      try {
        cipher = Cipher.getInstance("AES/CTR/NoPadding");
        byte[] iv = ByteBuffer.allocate(16).putLong(list).putLong(0).array();
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("AES-CTR is not available", e);
      }
      buffer.limit(0);
    }

    // A uniform int in [0, bound): 31-bit draws, rejecting the top partial range.
    int below(int bound) {
      int limit = Integer.MAX_VALUE - (Integer.MAX_VALUE % bound);
      while (true) {
        int draw = nextInt() & Integer.MAX_VALUE;
        if (draw < limit) return draw % bound;
      }
    }

    private int nextInt() {
      if (buffer.remaining() < 4) {
        buffer.clear();
        // Encrypting zeros gives the raw keystream.
        buffer.put(cipher.update(new byte[buffer.capacity()]));
        buffer.flip();
      }
      return buffer.getInt();
    }
  }
}
