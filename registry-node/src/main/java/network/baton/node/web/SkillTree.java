package network.baton.node.web;

import java.util.ArrayList;
import java.util.List;
import network.baton.vocab.Skill;
import network.baton.vocab.SkillFramework;

/**
 * The skill framework as a tree for a page: each skill with its label in the page language, its
 * label in the other language, its code, definition and narrower skills.
 */
public record SkillTree(
    String iri,
    String notation,
    String label,
    String otherLabel,
    String definition,
    String href,
    List<SkillTree> children) {

  public SkillTree {
    children = List.copyOf(children);
  }

  /** The whole framework, top concepts (skill areas) first. */
  public static List<SkillTree> of(SkillFramework framework, PageLanguage language) {
    List<SkillTree> roots = new ArrayList<>();
    for (Skill top : framework.topConcepts()) {
      roots.add(of(framework, top, language));
    }
    return roots;
  }

  /** One skill and everything narrower. */
  public static SkillTree of(SkillFramework framework, Skill skill, PageLanguage language) {
    List<SkillTree> children = new ArrayList<>();
    for (Skill narrower : framework.narrower(skill)) {
      children.add(of(framework, narrower, language));
    }
    return new SkillTree(
        skill.iri(),
        skill.notation(),
        skill.label(language.tag()),
        skill.label(language.other().tag()),
        skill.definition(language.tag()).orElse(""),
        Labels.skillPath(skill),
        children);
  }

  /** The broader skills of a skill, from the top concept down (empty for a top concept). */
  public static List<SkillTree> path(SkillFramework framework, Skill skill, PageLanguage language) {
    List<SkillTree> path = new ArrayList<>();
    Skill current = skill;
    while (current.broader().isPresent()) {
      current = framework.byIri(current.broader().get()).orElse(null);
      if (current == null) {
        break;
      }
      path.add(0, leaf(current, language));
    }
    return path;
  }

  private static SkillTree leaf(Skill skill, PageLanguage language) {
    return new SkillTree(
        skill.iri(),
        skill.notation(),
        skill.label(language.tag()),
        skill.label(language.other().tag()),
        "",
        Labels.skillPath(skill),
        List.of());
  }
}
