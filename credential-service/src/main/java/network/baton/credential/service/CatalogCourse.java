package network.baton.credential.service;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A course or curriculum a node publishes, as a credential needs it: its IRI, a display name, a
 * description (may be empty) and the framework skills it teaches.
 */
public record CatalogCourse(String iri, String name, String description, List<String> skillIris) {
  public CatalogCourse {
    requireNonNull(iri, "iri");
    requireNonNull(name, "name");
    description = description == null ? "" : description;
    skillIris = List.copyOf(skillIris);
  }
}
