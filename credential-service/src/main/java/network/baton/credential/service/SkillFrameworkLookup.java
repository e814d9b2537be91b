package network.baton.credential.service;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import network.baton.credential.issue.Skill;
import network.baton.credential.issue.SkillLookup;
import network.baton.vocab.SkillFramework;

/** The vocab module's skill framework as the credential core's skill lookup. */
public final class SkillFrameworkLookup implements SkillLookup {
  private final SkillFramework framework;

  /** A lookup over this framework. */
  public SkillFrameworkLookup(SkillFramework framework) {
    this.framework = requireNonNull(framework, "framework");
  }

  @Override
  public Optional<Skill> find(String iri) {
    return framework.byIri(iri).map(s -> new Skill(s.iri(), s.notation(), s.labels()));
  }
}
