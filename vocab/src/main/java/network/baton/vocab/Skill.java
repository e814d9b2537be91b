package network.baton.vocab;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One concept of the battery skills framework.
 *
 * @param iri the concept IRI, {@code https://w3id.org/baton/skill/} plus the notation
 * @param notation the code such as {@code MFG-COAT}
 * @param labels preferred labels by lower-case language tag ({@code ja}, {@code en})
 * @param definitions definitions by lower-case language tag
 * @param broader IRI of the broader concept; empty for a top concept (a skill area)
 * @param altLabels alternative labels (abbreviations, synonyms) by lower-case language tag
 */
public record Skill(
    String iri,
    String notation,
    Map<String, String> labels,
    Map<String, String> definitions,
    Optional<String> broader,
    Map<String, List<String>> altLabels)
    implements Concept {

  /** Checks presence and makes the maps immutable. */
  public Skill {
    requireNonNull(iri, "iri");
    requireNonNull(notation, "notation");
    requireNonNull(broader, "broader");
    if (iri.isBlank()) {
      throw new IllegalArgumentException("skill IRI must not be blank");
    }
    labels = Map.copyOf(labels);
    definitions = Map.copyOf(definitions);
    altLabels =
        altLabels.entrySet().stream()
            .collect(
                Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
  }

  /** A skill without alternative labels. */
  public Skill(
      String iri,
      String notation,
      Map<String, String> labels,
      Map<String, String> definitions,
      Optional<String> broader) {
    this(iri, notation, labels, definitions, broader, Map.of());
  }

  /** Whether this is a top concept, i.e. one of the skill areas. */
  public boolean isTopConcept() {
    return broader.isEmpty();
  }

  /** The alternative labels in one language (exact lower-case tag), or an empty list. */
  public List<String> altLabels(String lang) {
    return altLabels.getOrDefault(lang.toLowerCase(Locale.ROOT), List.of());
  }
}
