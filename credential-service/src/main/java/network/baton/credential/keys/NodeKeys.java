package network.baton.credential.keys;

import java.util.List;
import java.util.Optional;

/** A node's decrypted keys, oldest first; the newest one signs, all of them verify. */
public record NodeKeys(List<SigningKey> keys) {
  public NodeKeys {
    keys = List.copyOf(keys);
    if (keys.isEmpty()) throw new IllegalArgumentException("a node needs at least one key");
  }

  /** The key that signs new credentials: the newest. */
  public SigningKey current() {
    return keys.get(keys.size() - 1);
  }

  /** The key with this id (the DID URL fragment, e.g. {@code key-2}). */
  public Optional<SigningKey> find(String id) {
    return keys.stream().filter(k -> k.id().equals(id)).findFirst();
  }
}
