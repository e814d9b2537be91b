package network.baton.node.search;

import java.util.List;

/**
 * A search request with bad parameters; each problem is a message a client can act on (answered
 * 400).
 */
public class InvalidSearchQuery extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  /** A refusal listing every problem found in the request. */
  public InvalidSearchQuery(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** A refusal for one problem. */
  public InvalidSearchQuery(String problem) {
    this(List.of(problem));
  }

  /** Every problem found, one message each. */
  public List<String> problems() {
    return problems;
  }
}
