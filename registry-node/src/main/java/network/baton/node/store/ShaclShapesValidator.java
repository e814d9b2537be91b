package network.baton.node.store;

import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.Severity;

/** Jena SHACL over a shapes graph; the fallback validator until the vocabulary's own is wired in. */
public final class ShaclShapesValidator implements ResourceValidator {

  private final Shapes shapes;

  /** A validator for these shapes. */
  public ShaclShapesValidator(Graph shapesGraph) {
    this.shapes = Shapes.parse(shapesGraph);
  }

  @Override
  public List<ValidationIssue> validate(Graph graph) {
    ValidationReport report = ShaclValidator.get().validate(shapes, graph);
    return report.getEntries().stream()
        .filter(e -> e.severity() == Severity.Violation)
        .map(
            e ->
                new ValidationIssue(
                    e.focusNode().toString(),
                    e.resultPath() == null ? "" : e.resultPath().toString(),
                    e.message(),
                    "Violation"))
        .toList();
  }
}
