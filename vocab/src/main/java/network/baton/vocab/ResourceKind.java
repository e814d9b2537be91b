package network.baton.vocab;

import java.util.EnumSet;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDF;

/**
 * The kinds of resource a node publishes (vocab/MODEL.md), told apart by their schema.org class.
 */
public enum ResourceKind {
  INSTITUTION,
  CURRICULUM,
  COURSE,
  MODULE,
  LEARNING_RESOURCE;

  private static final String SCHEMA = Schema.NS;

  /**
   * The kinds of the typed resources in a graph; a course with {@code schema:isPartOf} is a module.
   */
  public static Set<ResourceKind> in(Graph graph) {
    Set<ResourceKind> kinds = EnumSet.noneOf(ResourceKind.class);
    graph
        .find(Node.ANY, RDF.type.asNode(), Node.ANY)
        .forEach(
            t -> {
              Node type = t.getObject();
              if (!type.isURI() || !type.getURI().startsWith(SCHEMA)) {
                return;
              }
              switch (type.getURI().substring(SCHEMA.length())) {
                case "EducationalOrganization", "CollegeOrUniversity", "HighSchool" ->
                    kinds.add(INSTITUTION);
                case "EducationalOccupationalProgram" -> kinds.add(CURRICULUM);
                case "Course" ->
                    kinds.add(isPartOfSomething(graph, t.getSubject()) ? MODULE : COURSE);
                case "LearningResource" -> kinds.add(LEARNING_RESOURCE);
                default -> {}
              }
            });
    return kinds;
  }

  private static boolean isPartOfSomething(Graph graph, Node resource) {
    return graph.contains(resource, Schema.isPartOf.asNode(), Node.ANY);
  }
}
