package network.baton.node.sparql;

/**
 * A string that a regular expression reads through and that stops the reading once the query is
 * cancelled. {@code java.util.regex} never looks at Jena's cancel signal, and one match of a
 * backtracking pattern (".*.*.*.*x" over a long literal) can run for hours on one thread; the
 * matcher reads its input through {@link #charAt} at every step, so a look at the signal every few
 * thousand reads bounds a match by the query's time limit.
 */
final class CancellableText implements CharSequence {

  private final String text;
  private final QueryBudget budget;
  private int reads;

  CancellableText(String text, QueryBudget budget) {
    this.text = text;
    this.budget = budget;
  }

  @Override
  public int length() {
    return text.length();
  }

  @Override
  public char charAt(int index) {
    if (++reads == QueryBudget.readsPerCheck()) {
      reads = 0;
      budget.checkCancelled();
    }
    return text.charAt(index);
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return text.subSequence(start, end);
  }

  @Override
  public String toString() {
    return text;
  }
}
