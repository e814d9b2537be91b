package network.baton.node.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Admin bearer tokens, kept only as SHA-256 hashes. A fast hash is fine here: tokens are 32 random
 * bytes, so there is nothing to brute-force the way there would be with a password.
 */
public final class AdminTokens {

  private static final int TOKEN_BYTES = 32;

  private final List<byte[]> hashes;

  /** Tokens whose hex SHA-256 hashes are listed (from the config). */
  public AdminTokens(List<String> hexHashes) {
    this.hashes = hexHashes.stream().map(HexFormat.of()::parseHex).toList();
  }

  /** Whether any token is configured at all. */
  public boolean isEmpty() {
    return hashes.isEmpty();
  }

  /** Whether the token's hash is one of the configured ones, compared in constant time. */
  public boolean accepts(String token) {
    byte[] candidate = digest(token);
    boolean match = false;
    for (byte[] hash : hashes) {
      match |= MessageDigest.isEqual(candidate, hash);
    }
    return match;
  }

  /** A new random token: 32 bytes, base64url without padding. */
  public static String newToken(SecureRandom random) {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The hex SHA-256 of a token, as it goes in the config's adminTokenHashes. */
  public static String hash(String token) {
    return HexFormat.of().formatHex(digest(token));
  }

  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
