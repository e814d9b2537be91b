package network.baton.vocab;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;

/**
 * The BATON battery skills framework: lookups and hierarchy walks over the SKOS scheme {@code
 * https://w3id.org/baton/skill/}. Immutable and thread-safe; build it once and share it.
 */
public final class SkillFramework extends ConceptScheme<Skill> {

  private final Map<String, List<Skill>> narrower;
  private final List<Skill> topConcepts;

  private SkillFramework(Graph graph, List<Skill> all, List<String> problems) {
    super("skill framework", graph, all, problems);
    Map<String, List<Skill>> children = new HashMap<>();
    for (Skill skill : all) {
      skill
          .broader()
          .ifPresent(b -> children.computeIfAbsent(b, k -> new ArrayList<>()).add(skill));
    }
    children.replaceAll((k, v) -> List.copyOf(v));
    this.narrower = Collections.unmodifiableMap(children);
    this.topConcepts = all.stream().filter(Skill::isTopConcept).toList();
  }

  /**
   * The framework bundled in this module ({@code baton/skills.ttl}); fails if the bundled data
   * breaks any integrity rule.
   */
  public static SkillFramework load() {
    return bundled(from(VocabResources.skills()));
  }

  /**
   * A framework read from any graph holding the scheme; tolerates broken data and lists what is
   * wrong in {@link #integrityProblems()}.
   */
  public static SkillFramework from(Graph source) {
    Graph readOnly = ConceptData.readOnlyCopy(source);
    Model model = ModelFactory.createModelForGraph(readOnly);

    List<ConceptData> concepts = new ArrayList<>();
    for (String iri : ConceptData.conceptIris(model, Skills.SCHEME, Skills.NS)) {
      concepts.add(ConceptData.read(model, model.createResource(iri), Skills.SCHEME));
    }
    List<Skill> skills = new ArrayList<>();
    for (ConceptData c : concepts) {
      String notation = c.notations().isEmpty() ? localName(c.iri()) : c.notations().get(0);
      Optional<String> broader = c.broader().stream().findFirst();
      skills.add(
          new Skill(
              c.iri(),
              notation,
              ConceptData.firstByLanguage(c.prefLabels()),
              ConceptData.firstByLanguage(c.definitions()),
              broader,
              c.altLabels()));
    }
    skills.sort((a, b) -> a.notation().compareTo(b.notation()));
    return new SkillFramework(readOnly, skills, SkillIntegrity.check(model, concepts, skills));
  }

  /**
   * The skill named by a full IRI, a {@code skill:} CURIE or a bare notation ({@code MFG-COAT}), as
   * users type them in query parameters and on the command line.
   */
  public Optional<Skill> resolve(String reference) {
    if (reference == null || reference.isBlank()) {
      return Optional.empty();
    }
    String ref = reference.strip();
    if (ref.startsWith(Skills.NS)) {
      return byIri(ref);
    }
    if (ref.startsWith("skill:")) {
      return byNotation(ref.substring("skill:".length()));
    }
    return byNotation(ref);
  }

  /** The top concepts (skill areas), ordered by notation. */
  public List<Skill> topConcepts() {
    return topConcepts;
  }

  /** The direct narrower skills, ordered by notation. */
  public List<Skill> narrower(Skill skill) {
    return narrower.getOrDefault(skill.iri(), List.of());
  }

  /** Every broader skill up to the top concept, nearest first; empty for a top concept. */
  public Set<Skill> ancestors(Skill skill) {
    Set<Skill> ancestors = new LinkedHashSet<>();
    Optional<String> next = skill.broader();
    while (next.isPresent()) {
      Skill parent = byIri(next.get()).orElse(null);
      if (parent == null || parent.iri().equals(skill.iri()) || !ancestors.add(parent)) {
        break; // unknown broader concept or a cycle: integrityProblems() reports both
      }
      next = parent.broader();
    }
    return Collections.unmodifiableSet(ancestors);
  }

  /** Every narrower skill, transitively, breadth first; empty for a leaf. */
  public Set<Skill> descendants(Skill skill) {
    Set<Skill> descendants = new LinkedHashSet<>();
    Deque<Skill> queue = new ArrayDeque<>(narrower(skill));
    while (!queue.isEmpty()) {
      Skill next = queue.removeFirst();
      if (!next.iri().equals(skill.iri()) && descendants.add(next)) {
        queue.addAll(narrower(next));
      }
    }
    return Collections.unmodifiableSet(descendants);
  }

  /** The skill itself and every narrower skill's IRI: what a skill filter in search matches. */
  public Set<String> selfAndDescendantIris(Skill skill) {
    Set<String> iris = new LinkedHashSet<>();
    iris.add(skill.iri());
    descendants(skill).forEach(d -> iris.add(d.iri()));
    return Collections.unmodifiableSet(iris);
  }

  /** The skill area a skill belongs to (itself for a top concept); fails on broken hierarchies. */
  public Skill topConceptOf(Skill skill) {
    if (skill.isTopConcept()) {
      return skill;
    }
    List<Skill> chain = new ArrayList<>(ancestors(skill));
    Skill root = chain.isEmpty() ? skill : chain.get(chain.size() - 1);
    if (!root.isTopConcept()) {
      throw new IllegalStateException("no top concept above " + skill.iri());
    }
    return root;
  }

  private static String localName(String iri) {
    return iri.startsWith(Skills.NS) ? iri.substring(Skills.NS.length()) : iri;
  }
}
