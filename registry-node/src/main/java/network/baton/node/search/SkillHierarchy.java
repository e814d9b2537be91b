package network.baton.node.search;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import network.baton.vocab.SkillFramework;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The broader/narrower tree of the skill framework, held in memory (the framework is small): which
 * skills lie under a skill, and which top concept (skill area) a skill belongs to.
 */
public final class SkillHierarchy {

  private static final Node BROADER = NodeFactory.createURI(SearchTerms.SKOS + "broader");
  private static final Node NARROWER = NodeFactory.createURI(SearchTerms.SKOS + "narrower");
  private static final Node TOP_CONCEPT_OF =
      NodeFactory.createURI(SearchTerms.SKOS + "topConceptOf");
  private static final Node HAS_TOP_CONCEPT =
      NodeFactory.createURI(SearchTerms.SKOS + "hasTopConcept");

  private final Map<String, Set<String>> broader;
  private final Map<String, Set<String>> narrower;
  private final Set<String> concepts;

  private SkillHierarchy(
      Map<String, Set<String>> broader, Map<String, Set<String>> narrower, Set<String> concepts) {
    this.broader = broader;
    this.narrower = narrower;
    this.concepts = concepts;
  }

  /**
   * Reads the hierarchy from a SKOS graph ({@code skos:broader}, {@code skos:narrower}, top
   * concepts).
   */
  public static SkillHierarchy fromSkos(Graph framework) {
    Map<String, Set<String>> broader = new HashMap<>();
    Map<String, Set<String>> narrower = new HashMap<>();
    Set<String> concepts = new HashSet<>();
    framework
        .find(Node.ANY, BROADER, Node.ANY)
        .forEach(t -> link(t.getSubject(), t.getObject(), broader, narrower, concepts));
    framework
        .find(Node.ANY, NARROWER, Node.ANY)
        .forEach(t -> link(t.getObject(), t.getSubject(), broader, narrower, concepts));
    framework
        .find(Node.ANY, TOP_CONCEPT_OF, Node.ANY)
        .forEach(t -> addUri(t.getSubject(), concepts));
    framework
        .find(Node.ANY, HAS_TOP_CONCEPT, Node.ANY)
        .forEach(t -> addUri(t.getObject(), concepts));
    return new SkillHierarchy(broader, narrower, concepts);
  }

  /** The hierarchy of the BATON skill framework. */
  public static SkillHierarchy of(SkillFramework framework) {
    return fromSkos(framework.graph());
  }

  /** A hierarchy that knows no skills: filters match skills exactly, each skill is its own area. */
  public static SkillHierarchy none() {
    return new SkillHierarchy(Map.of(), Map.of(), Set.of());
  }

  /** Whether the framework has this concept. */
  public boolean contains(String skill) {
    return concepts.contains(skill);
  }

  /** Whether the framework has any concept at all. */
  public boolean isEmpty() {
    return concepts.isEmpty();
  }

  /** The skill and every skill below it, at any depth. */
  public Set<String> selfAndNarrower(String skill) {
    Set<String> found = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    todo.add(skill);
    while (!todo.isEmpty()) {
      String next = todo.poll();
      if (found.add(next)) {
        todo.addAll(narrower.getOrDefault(next, Set.of()));
      }
    }
    return found;
  }

  /** The top concepts above a skill (itself if it has nothing broader); usually exactly one. */
  public Set<String> areasOf(String skill) {
    Set<String> areas = new LinkedHashSet<>();
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    todo.add(skill);
    while (!todo.isEmpty()) {
      String next = todo.poll();
      if (!seen.add(next)) {
        continue;
      }
      Set<String> up = broader.getOrDefault(next, Set.of());
      if (up.isEmpty()) {
        areas.add(next);
      } else {
        todo.addAll(up);
      }
    }
    return areas;
  }

  private static void link(
      Node child,
      Node parent,
      Map<String, Set<String>> broader,
      Map<String, Set<String>> narrower,
      Set<String> concepts) {
    if (!child.isURI() || !parent.isURI()) {
      return;
    }
    broader.computeIfAbsent(child.getURI(), k -> new HashSet<>()).add(parent.getURI());
    narrower.computeIfAbsent(parent.getURI(), k -> new HashSet<>()).add(child.getURI());
    concepts.add(child.getURI());
    concepts.add(parent.getURI());
  }

  private static void addUri(Node node, Set<String> concepts) {
    if (node.isURI()) {
      concepts.add(node.getURI());
    }
  }
}
