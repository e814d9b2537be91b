package network.baton.credential.issue;

import java.util.List;

/** An issue request names skills that are not in the framework. */
public class UnknownSkillException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final List<String> unknown;

  /** The request names these unknown skill IRIs. */
  public UnknownSkillException(List<String> unknown) {
    super("not skills of the BATON framework: " + String.join(", ", unknown));
    this.unknown = List.copyOf(unknown);
  }

  /** The skill IRIs the framework does not have. */
  public List<String> unknown() {
    return unknown;
  }
}
