package network.baton.vocab;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.slf4j.LoggerFactory;

/**
 * The concepts of one SKOS scheme as read from a graph: every concept ordered by notation, lookups
 * by IRI and by notation, the read-only graph, and what breaks the scheme's rules. What the {@link
 * SkillFramework} and the {@link EducationalLevels} have in common; immutable and thread-safe.
 */
public abstract class ConceptScheme<C extends Concept> {

  private final String what;
  private final Graph graph;
  private final List<C> all;
  private final Map<String, C> byIri;
  private final Map<String, C> byNotation;
  private final List<String> problems;

  /**
   * A scheme of these concepts (ordered by notation) read from {@code graph}; integrity problems,
   * if any, are logged as one warning naming the scheme ({@code what}).
   */
  ConceptScheme(String what, Graph graph, List<C> all, List<String> problems) {
    this.what = what;
    this.graph = graph;
    this.all = List.copyOf(all);
    this.problems = List.copyOf(problems);
    Map<String, C> iris = new LinkedHashMap<>();
    Map<String, C> notations = new LinkedHashMap<>();
    for (C concept : all) {
      iris.put(concept.iri(), concept);
      notations.putIfAbsent(concept.notation(), concept);
    }
    this.byIri = Collections.unmodifiableMap(iris);
    this.byNotation = Collections.unmodifiableMap(notations);
    if (!problems.isEmpty()) {
      LoggerFactory.getLogger(getClass())
          .warn(
              "{} with integrity problems [count: {}, first: {}]",
              what,
              problems.size(),
              problems.get(0));
    }
  }

  /** A scheme bundled in this module, as loaded; fails, naming every problem, if it is broken. */
  static <S extends ConceptScheme<?>> S bundled(S loaded) {
    ConceptScheme<?> scheme = loaded;
    if (!scheme.problems.isEmpty()) {
      throw new IllegalStateException(
          "integrity problems in the bundled "
              + scheme.what
              + ": "
              + String.join("; ", scheme.problems));
    }
    LoggerFactory.getLogger(scheme.getClass())
        .debug("{} loaded [concepts: {}]", scheme.what, scheme.all.size());
    return loaded;
  }

  /** The concept with this IRI. */
  public Optional<C> byIri(String iri) {
    return Optional.ofNullable(byIri.get(iri));
  }

  /** The concept with this notation, such as {@code MFG-COAT} or {@code kosen}. */
  public Optional<C> byNotation(String notation) {
    return Optional.ofNullable(byNotation.get(notation));
  }

  /** Whether the IRI names a concept of the scheme. */
  public boolean contains(String iri) {
    return byIri.containsKey(iri);
  }

  /** Every concept, ordered by notation. */
  public List<C> all() {
    return all;
  }

  /** A read-only graph of the scheme, e.g. for SHACL validation against it. */
  public Graph graph() {
    return graph;
  }

  /**
   * What breaks the scheme's rules (labels, notations, membership, hierarchy); empty when sound.
   */
  public List<String> integrityProblems() {
    return problems;
  }
}
