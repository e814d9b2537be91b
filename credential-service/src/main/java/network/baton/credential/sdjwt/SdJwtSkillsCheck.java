package network.baton.credential.sdjwt;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import network.baton.credential.issue.Skill;
import network.baton.credential.issue.SkillLookup;
import network.baton.credential.verify.AttestedAchievement;
import network.baton.credential.verify.AttestedSkill;
import network.baton.credential.verify.Check;
import network.baton.credential.verify.CredentialVerifier;
import network.baton.credential.verify.Evidence;
import network.baton.credential.verify.VerificationCheck;

/**
 * The {@code skills} check of an SD-JWT VC: every skill disclosed (an element of {@code skills}) is
 * one of the framework; records the achievement with the disclosed skills only, so the report shows
 * exactly what the holder chose to show. A BATON skill credential disclosing no skill passes (it
 * attests the course); another type attests none.
 */
final class SdJwtSkillsCheck implements VerificationCheck {
  private final SkillLookup skills;

  SdJwtSkillsCheck(SkillLookup skills) {
    this.skills = requireNonNull(skills, "skills");
  }

  @Override
  public List<Check> check(Evidence evidence) {
    String name = CredentialVerifier.SKILLS;
    JsonNode claims = evidence.detail(DisclosuresCheck.DisclosedClaims.class).claims();
    if (!SkillCredentialType.isSkillCredential(claims.path("vct").asText(null))) {
      return List.of(Check.pass(name, "not a BATON skill credential: no skills attested"));
    }
    List<AttestedSkill> attested = new ArrayList<>();
    for (JsonNode element : claims.path("skills")) {
      String iri = element.path("id").asText(null);
      if (iri == null) return List.of(Check.fail(name, "a disclosed skill has no id"));
      Optional<Skill> skill = skills.find(iri);
      Map<String, String> labels = new LinkedHashMap<>();
      element
          .path("name")
          .fields()
          .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
      attested.add(
          skill
              .map(s -> new AttestedSkill(s.iri(), s.notation(), s.labels(), true))
              .orElseGet(
                  () -> new AttestedSkill(iri, element.path("code").asText(null), labels, false)));
    }
    JsonNode achievement = claims.path("achievement");
    evidence.achievement(
        new AttestedAchievement(
            achievement.path("id").asText(null), achievement.path("name").asText(null), attested));
    List<String> unknown =
        attested.stream().filter(s -> !s.inFramework()).map(AttestedSkill::iri).toList();
    if (!unknown.isEmpty()) {
      return List.of(
          Check.fail(name, "not skills of the framework: " + String.join(", ", unknown)));
    }
    if (attested.isEmpty()) return List.of(Check.pass(name, "no skill disclosed"));
    return List.of(
        Check.pass(
            name,
            attested.size()
                + " disclosed skill(s) of the framework: "
                + String.join(", ", attested.stream().map(AttestedSkill::code).toList())));
  }
}
