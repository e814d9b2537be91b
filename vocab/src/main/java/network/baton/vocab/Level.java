package network.baton.vocab;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * One educational level of the BATON levels scheme.
 *
 * @param iri the concept IRI, {@code https://w3id.org/baton/level/} plus the notation
 * @param notation the code such as {@code kosen}
 * @param labels preferred labels by lower-case language tag
 * @param definitions definitions by lower-case language tag
 * @param iscedMatches mappings to ISCED 2011 levels; empty for levels outside formal education
 */
public record Level(
    String iri,
    String notation,
    Map<String, String> labels,
    Map<String, String> definitions,
    List<IscedMatch> iscedMatches)
    implements Concept {

  /** Checks presence and makes the collections immutable. */
  public Level {
    requireNonNull(iri, "iri");
    requireNonNull(notation, "notation");
    if (iri.isBlank()) {
      throw new IllegalArgumentException("level IRI must not be blank");
    }
    labels = Map.copyOf(labels);
    definitions = Map.copyOf(definitions);
    iscedMatches = List.copyOf(iscedMatches);
  }

  /** The ISCED 2011 level numbers this level is mapped to by any relation, ascending. */
  public List<Integer> iscedLevels() {
    return iscedMatches.stream().map(IscedMatch::level).distinct().sorted().toList();
  }
}
