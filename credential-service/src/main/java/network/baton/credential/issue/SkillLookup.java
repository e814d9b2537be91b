package network.baton.credential.issue;

import java.util.Optional;

/**
 * Finds a skill of the framework by IRI. The node adapts the vocab module's skill framework to this
 * (vocab has no Java API for it yet), tests use a small fixed table.
 */
@FunctionalInterface
public interface SkillLookup {
  /** The skill with this IRI, or empty if the framework has no such concept. */
  Optional<Skill> find(String iri);
}
