package network.baton.node.resources;

import java.util.List;

/** A resource that breaks the shapes; nothing of it was stored. */
public class ValidationFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<ValidationIssue> violations;

  /** The violations that made the write fail. */
  public ValidationFailedException(List<ValidationIssue> violations) {
    super(violations.size() + " violation(s) of the BATON shapes; nothing was stored");
    this.violations = List.copyOf(violations);
  }

  /** The violations, in the validator's order. */
  public List<ValidationIssue> violations() {
    return violations;
  }
}
