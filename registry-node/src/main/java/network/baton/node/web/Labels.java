package network.baton.node.web;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import network.baton.vocab.EducationalLevels;
import network.baton.vocab.Skill;
import network.baton.vocab.SkillFramework;

/**
 * Human labels for the IRIs and codes the pages show: skills, levels, types, languages, licences.
 */
public final class Labels {

  private static final Pattern CC =
      Pattern.compile(
          "https?://creativecommons\\.org/(licenses|publicdomain)/([a-z-]+)/([0-9.]+)/?");
  private static final String SCHEMA = "http://schema.org/";

  private final SkillFramework skills;
  private final EducationalLevels levels;
  private final Messages messages;

  /** Labels from the skill framework, the educational levels and the page texts. */
  public Labels(SkillFramework skills, EducationalLevels levels, Messages messages) {
    this.skills = requireNonNull(skills, "skills");
    this.levels = requireNonNull(levels, "levels");
    this.messages = requireNonNull(messages, "messages");
  }

  /** The skill framework the labels come from. */
  public SkillFramework skills() {
    return skills;
  }

  /** A skill's label in the language, or the IRI when the framework lacks it. */
  public String skill(String iri, PageLanguage language) {
    return skills.byIri(iri).map(s -> s.label(language.tag())).orElse(iri);
  }

  /** The page of a skill in the framework, or the IRI itself when unknown. */
  public String skillHref(String iri) {
    return skills.byIri(iri).map(Labels::skillPath).orElse(Links.safeHref(iri));
  }

  /** The path of a skill's page. */
  public static String skillPath(Skill skill) {
    return "/skills/" + Links.encode(skill.notation());
  }

  /** An educational level's label, or the IRI. */
  public String level(String iri, PageLanguage language) {
    return levels.byIri(iri).map(l -> l.label(language.tag())).orElse(iri);
  }

  /** A resource type's label (short name such as Course, or a schema.org IRI). */
  public String type(String type, PageLanguage language) {
    String name = type.startsWith(SCHEMA) ? type.substring(SCHEMA.length()) : type;
    Map<String, String> texts = messages.all(language);
    return texts.getOrDefault("type." + name, name);
  }

  /** A language tag's name in the page language (日本語, English). */
  public String language(String tag, PageLanguage language) {
    String name = Locale.forLanguageTag(tag).getDisplayLanguage(language.locale());
    return name.isBlank() ? tag : name;
  }

  /** A licence's short name (CC BY 4.0 for Creative Commons IRIs), else the IRI. */
  public String license(String iri) {
    Matcher m = CC.matcher(iri);
    if (m.matches()) {
      String code = m.group(2);
      if (code.equals("zero")) {
        return "CC0 " + m.group(3);
      }
      return "CC " + code.toUpperCase(Locale.ROOT) + " " + m.group(3);
    }
    return iri;
  }
}
