package network.baton.node.config;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Who may administer the node: the SHA-256 hashes of the admin tokens ({@code adminTokenHashes})
 * and the limit on wrong tokens per client address ({@code adminTokenFailures}, {@code
 * adminTokenFailureWindow}).
 */
public record Admin(List<String> tokenHashes, AdminLockout lockout) {

  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

  public Admin {
    tokenHashes = List.copyOf(requireNonNull(tokenHashes, "tokenHashes"));
    for (int i = 0; i < tokenHashes.size(); i++) {
      if (!SHA256_HEX.matcher(tokenHashes.get(i)).matches()) {
        // The value is not echoed: a mistaken entry may be the token itself.
        throw new ConfigException(
            "adminTokenHashes entry "
                + (i + 1)
                + " must be 64 lower-case hex digits (the hash printed by `baton token new`)");
      }
    }
    lockout = lockout == null ? AdminLockout.defaults() : lockout;
  }

  /** No admin tokens, the default lockout. */
  public static Admin defaults() {
    return new Admin(List.of(), null);
  }

  /** A copy accepting these token hashes. */
  public Admin withTokenHashes(List<String> hashes) {
    return new Admin(hashes, lockout);
  }

  /** A copy with another limit on wrong tokens. */
  public Admin withLockout(AdminLockout newLockout) {
    return new Admin(tokenHashes, newLockout);
  }
}
