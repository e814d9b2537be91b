package network.baton.credential.issue;

import java.util.Map;
import java.util.Optional;

/** A few concepts of the BATON skill framework (IRIs and labels as in vocab's MODEL.md). */
public final class FrameworkSkills implements SkillLookup {
  public static final String NS = "https://w3id.org/baton/skill/";
  public static final String MFG_COAT = NS + "MFG-COAT";
  public static final String ECH = NS + "ECH";
  public static final String SAF = NS + "SAF";

  private final Map<String, Skill> skills =
      Map.of(
          MFG_COAT,
          new Skill(MFG_COAT, "MFG-COAT", Map.of("en", "Electrode coating", "ja", "電極塗工")),
          ECH,
          new Skill(ECH, "ECH", Map.of("en", "Electrochemistry", "ja", "電気化学")),
          SAF,
          new Skill(SAF, "SAF", Map.of("en", "Safety management", "ja", "安全管理")));

  @Override
  public Optional<Skill> find(String iri) {
    return Optional.ofNullable(skills.get(iri));
  }
}
