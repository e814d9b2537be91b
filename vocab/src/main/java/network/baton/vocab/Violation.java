package network.baton.vocab;

import static java.util.Objects.requireNonNull;

/**
 * One SHACL result: which resource, which property, what is wrong in plain words.
 *
 * @param focusNode the resource that fails (IRI, or blank node label)
 * @param path the property path as an IRI or SPARQL path, null for a constraint on the resource
 *     itself
 * @param value the offending value: an IRI as is, a literal in N-Triples form ({@code "x"@de}),
 *     null when a value is missing
 * @param message the shape's message, written for the person who published the resource
 * @param severity how serious the result is
 * @param sourceConstraint the SHACL constraint component IRI, e.g. {@code
 *     sh:MinCountConstraintComponent}
 * @param sourceShape the IRI of the BATON shape that produced it (blank node label for nested
 *     shapes)
 */
public record Violation(
    String focusNode,
    String path,
    String value,
    String message,
    Severity severity,
    String sourceConstraint,
    String sourceShape) {

  /** SHACL severities, most serious first. */
  public enum Severity {
    VIOLATION,
    WARNING,
    INFO
  }

  public Violation {
    requireNonNull(focusNode, "focusNode");
    requireNonNull(message, "message");
    requireNonNull(severity, "severity");
    requireNonNull(sourceConstraint, "sourceConstraint");
    requireNonNull(sourceShape, "sourceShape");
    if (message.isBlank()) {
      throw new IllegalArgumentException("violation message must not be blank: " + sourceShape);
    }
  }
}
