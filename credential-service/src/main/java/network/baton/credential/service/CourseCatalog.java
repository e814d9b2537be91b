package network.baton.credential.service;

import java.util.Optional;

/**
 * The courses and curricula the issuing node publishes; the node implements it over its store, so a
 * credential can only name an achievement that exists there.
 */
@FunctionalInterface
public interface CourseCatalog {
  /** The course or curriculum with this IRI, or empty if the node does not publish it. */
  Optional<CatalogCourse> find(String achievementIri);
}
