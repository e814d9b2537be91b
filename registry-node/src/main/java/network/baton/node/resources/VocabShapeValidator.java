package network.baton.node.resources;

import java.util.ArrayList;
import java.util.List;
import network.baton.vocab.ShapeValidator;
import network.baton.vocab.Violation;
import org.apache.jena.graph.Graph;

/**
 * The vocabulary's SHACL shapes (with the skill framework, levels and licences as reference data);
 * a graph that holds no BATON resource kind at all is refused too, since SHACL would pass it.
 */
public final class VocabShapeValidator implements ResourceValidator {

  private final ShapeValidator shapes;

  /** A validator over the vocabulary's shapes. */
  public VocabShapeValidator(ShapeValidator shapes) {
    this.shapes = shapes;
  }

  /** The vocabulary's shapes loaded from the classpath. */
  public static VocabShapeValidator create() {
    return new VocabShapeValidator(ShapeValidator.create());
  }

  @Override
  public List<ValidationIssue> validate(Graph graph) {
    List<ValidationIssue> issues = new ArrayList<>();
    if (shapes.kinds(graph).isEmpty()) {
      issues.add(
          new ValidationIssue(
              "",
              "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
              null,
              "not a BATON resource: give it a type such as Course, EducationalOccupationalProgram,"
                  + " LearningResource or EducationalOrganization",
              "Violation"));
    }
    for (Violation v : shapes.validate(graph)) {
      if (v.severity() == Violation.Severity.VIOLATION) {
        issues.add(
            new ValidationIssue(v.focusNode(), v.path(), v.value(), v.message(), "Violation"));
      }
    }
    return issues;
  }
}
