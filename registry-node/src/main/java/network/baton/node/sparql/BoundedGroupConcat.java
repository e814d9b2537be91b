package network.baton.node.sparql;

import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.aggregate.Accumulator;
import org.apache.jena.sparql.expr.aggregate.AccumulatorExpr;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcat;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcatDistinct;
import org.apache.jena.sparql.expr.aggregate.Aggregator;
import org.apache.jena.sparql.function.FunctionEnv;

/**
 * GROUP_CONCAT (with or without DISTINCT), refused before a value would make the string too long.
 */
final class BoundedGroupConcat {
  private BoundedGroupConcat() {}

  /** GROUP_CONCAT, refused before a value would make the string too long. */
  static final class GroupConcat extends AggGroupConcat {
    GroupConcat(Expr expr, String separator) {
      super(expr, separator);
    }

    @Override
    public Accumulator createAccumulator() {
      return new BoundedConcatenation(getExpr(), false, effective(getSeparator()));
    }

    @Override
    public Aggregator copy(ExprList exprs) {
      return new GroupConcat(exprs.get(0), getSeparator());
    }
  }

  /** GROUP_CONCAT(DISTINCT ...), bounded as {@link GroupConcat}. */
  static final class GroupConcatDistinct extends AggGroupConcatDistinct {
    GroupConcatDistinct(Expr expr, String separator) {
      super(expr, separator);
    }

    @Override
    public Accumulator createAccumulator() {
      return new BoundedConcatenation(getExpr(), true, effective(getSeparator()));
    }

    @Override
    public Aggregator copy(ExprList exprs) {
      return new GroupConcatDistinct(exprs.get(0), getSeparator());
    }
  }

  /** The separator GROUP_CONCAT uses when the query names none (SPARQL 1.1: one space). */
  private static String effective(String separator) {
    return separator == null ? " " : separator;
  }

  /**
   * One group's GROUP_CONCAT string, checked against the longest string before each append, its
   * characters charged to the query's memory (a group keeps its string until the end).
   */
  private static final class BoundedConcatenation extends AccumulatorExpr {
    private final StringBuilder text = new StringBuilder();
    private final String separator;
    private boolean first = true;

    BoundedConcatenation(Expr expr, boolean distinct, String separator) {
      super(expr, distinct);
      this.separator = separator;
    }

    @Override
    protected void accumulate(NodeValue nv, Binding binding, FunctionEnv env) {
      String value = nv.asString();
      int added = value.length() + (first ? 0 : separator.length());
      QueryBudget budget = QueryBudget.of(env);
      budget.checkString((long) text.length() + added, "GROUP_CONCAT");
      budget.hold(2L * added);
      if (!first) {
        text.append(separator);
      }
      text.append(value);
      first = false;
    }

    @Override
    protected void accumulateError(Binding binding, FunctionEnv env) {}

    @Override
    protected NodeValue getAccValue() {
      return NodeValue.makeString(text.toString());
    }
  }
}
