package network.baton.node;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A compact JWS with its payload changed after signing, so that its signature no longer fits. */
public final class TamperedJws {

  private TamperedJws() {}

  /**
   * The JWS with every {@code target} in its payload replaced by {@code replacement}, header and
   * signature kept; fails when the payload has no {@code target} (the test would tamper nothing).
   */
  public static String replacingInPayload(String jws, String target, String replacement) {
    String[] parts = jws.strip().split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    if (!payload.contains(target)) {
      throw new IllegalArgumentException("the payload has no " + target + " to replace");
    }
    String forged = payload.replace(target, replacement);
    return parts[0]
        + "."
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(forged.getBytes(StandardCharsets.UTF_8))
        + "."
        + parts[2];
  }
}
