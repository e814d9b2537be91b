package network.baton.credential.verify;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import network.baton.credential.issue.AchievementTypes;
import network.baton.credential.issue.Skill;
import network.baton.credential.issue.SkillLookup;

/**
 * The {@code skills} check: the achievement aligns to skills, all of the framework (a credential
 * that is not an Open Badges one and names no achievement passes: it attests none); records the
 * achievement with each skill's labels for the report.
 */
public final class SkillsCheck implements VerificationCheck {
  private final SkillLookup skills;

  /** Skills looked up in this framework. */
  public SkillsCheck(SkillLookup skills) {
    this.skills = requireNonNull(skills, "skills");
  }

  @Override
  public List<Check> check(Evidence evidence) {
    AttestedAchievement achievement = achievement(evidence.document());
    evidence.achievement(achievement);
    if (achievement == null && !AchievementTypes.isAchievementCredential(evidence.document())) {
      return List.of(
          Check.pass(
              CredentialVerifier.SKILLS, "not an Open Badges credential: no skills attested"));
    }
    return List.of(outcome(achievement));
  }

  private AttestedAchievement achievement(JsonNode vc) {
    JsonNode achievement = vc.path("credentialSubject").path("achievement");
    if (!achievement.isObject()) return null;
    List<AttestedSkill> attested = new ArrayList<>();
    JsonNode alignments = achievement.path("alignment");
    for (JsonNode alignment : alignments.isArray() ? alignments : List.of(alignments)) {
      String url = alignment.path("targetUrl").asText(null);
      if (url == null) continue;
      Optional<Skill> skill = skills.find(url);
      attested.add(
          skill
              .map(s -> new AttestedSkill(s.iri(), s.notation(), s.labels(), true))
              .orElseGet(
                  () ->
                      new AttestedSkill(
                          url,
                          alignment.path("targetCode").asText(null),
                          Map.of("und", alignment.path("targetName").asText("")),
                          false)));
    }
    return new AttestedAchievement(
        achievement.path("id").asText(null), achievement.path("name").asText(null), attested);
  }

  private static Check outcome(AttestedAchievement achievement) {
    String name = CredentialVerifier.SKILLS;
    if (achievement == null) return Check.fail(name, "credentialSubject has no achievement");
    if (achievement.skills().isEmpty()) {
      return Check.fail(name, "the achievement aligns to no skill");
    }
    List<String> unknown =
        achievement.skills().stream()
            .filter(s -> !s.inFramework())
            .map(AttestedSkill::iri)
            .toList();
    if (!unknown.isEmpty()) {
      return Check.fail(name, "not skills of the framework: " + String.join(", ", unknown));
    }
    return Check.pass(name, achievement.skills().size() + " skill(s) of the framework");
  }
}
