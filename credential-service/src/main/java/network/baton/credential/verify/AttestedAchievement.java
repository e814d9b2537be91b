package network.baton.credential.verify;

import java.util.List;

/** The achievement a credential attests: the course or curriculum IRI, its name, and its skills. */
public record AttestedAchievement(String iri, String name, List<AttestedSkill> skills) {
  public AttestedAchievement {
    skills = List.copyOf(skills);
  }
}
