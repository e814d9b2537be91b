package network.baton.credential.issue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/**
 * Whether a credential is an Open Badges 3.0 one (its {@code type} names AchievementCredential or
 * its alias OpenBadgeCredential): only those attest an achievement, and only those the node's
 * course, skill and Open Badges schema rules apply to.
 */
public final class AchievementTypes {
  private static final Set<String> TYPES = Set.of("AchievementCredential", "OpenBadgeCredential");

  private AchievementTypes() {}

  /** Whether {@code credential}'s type names an Open Badges 3.0 credential type. */
  public static boolean isAchievementCredential(JsonNode credential) {
    JsonNode type = credential.path("type");
    for (JsonNode each : type.isArray() ? type : List.of(type)) {
      if (each.isTextual() && TYPES.contains(each.asText())) return true;
    }
    return false;
  }
}
