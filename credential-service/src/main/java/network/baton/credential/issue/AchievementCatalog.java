package network.baton.credential.issue;

/**
 * Whether a course or curriculum IRI is published on the issuing node; a credential may only name
 * an achievement that exists there. The node backs this with its store.
 */
@FunctionalInterface
public interface AchievementCatalog {
  /** Whether this course or curriculum IRI exists on the issuing node. */
  boolean contains(String achievementIri);
}
