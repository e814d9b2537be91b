package network.baton.credential.verify;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * Nonces already accepted in a presentation, remembered for a while so the same presentation cannot
 * be replayed within that time (the caller also checks that the nonce is the one it just handed
 * out). Held in memory: one verifier process.
 */
public final class UsedNonces {
  private final Cache<String, Boolean> used;

  /** Remembers nonces for {@code memory}, at most {@code maxEntries} at a time. */
  public UsedNonces(Duration memory, long maxEntries) {
    this.used = Caffeine.newBuilder().expireAfterWrite(memory).maximumSize(maxEntries).build();
  }

  /** Records the nonce; false if it was already recorded (a replay). */
  public boolean markUsed(String nonce) {
    return used.asMap().putIfAbsent(nonce, Boolean.TRUE) == null;
  }
}
