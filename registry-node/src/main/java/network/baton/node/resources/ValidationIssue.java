package network.baton.node.resources;

import static java.util.Objects.requireNonNull;

/**
 * One reason a resource does not conform to the shapes: where, which property, which value, why.
 */
public record ValidationIssue(
    String focusNode, String path, String value, String message, String severity) {
  public ValidationIssue {
    requireNonNull(message, "message");
    focusNode = focusNode == null ? "" : focusNode;
    path = path == null ? "" : path;
    value = value == null ? "" : value;
    severity = severity == null ? "Violation" : severity;
  }
}
