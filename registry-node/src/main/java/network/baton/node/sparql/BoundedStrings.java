package network.baton.node.sparql;

import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.expr.E_StrConcat;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunction1;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.function.FunctionEnv;

/**
 * CONCAT and the string functions that make more than they are given, their results checked against
 * the longest string.
 */
final class BoundedStrings {
  private BoundedStrings() {}

  /** CONCAT, refused before the result is built when it would be too long. */
  static final class Concat extends E_StrConcat {
    Concat(ExprList args) {
      super(args);
    }

    @Override
    public NodeValue eval(List<NodeValue> args, FunctionEnv env) {
      return concat(args, QueryBudget.of(env));
    }

    @Override
    public NodeValue eval(List<NodeValue> args) {
      return concat(args, QueryBudget.fallback());
    }

    private NodeValue concat(List<NodeValue> args, QueryBudget budget) {
      long length = 0;
      for (NodeValue arg : args) {
        Node node = arg.asNode();
        if (node.isLiteral()) {
          length += node.getLiteralLexicalForm().length();
        }
      }
      budget.checkString(length, "CONCAT");
      return super.eval(args);
    }

    @Override
    public Expr copy(ExprList newArgs) {
      return new Concat(newArgs);
    }
  }

  /**
   * A one-argument string function whose result is checked against the longest string: UCASE (at
   * most three times its input: "ß" is "SS"), LCASE, ENCODE_FOR_URI (at most nine characters per
   * input character). It keeps the function's name, so the query prints as before.
   */
  static final class CheckedLength extends ExprFunction1 {
    private final ExprFunction1 function;
    private final String label;

    CheckedLength(Expr function, String label) {
      this((ExprFunction1) function, label);
    }

    private CheckedLength(ExprFunction1 function, String label) {
      super(function.getArg(), function.getFunctionSymbol().getSymbol());
      this.function = function;
      this.label = label;
    }

    @Override
    public NodeValue eval(NodeValue v, FunctionEnv env) {
      return checked(function.eval(v), QueryBudget.of(env), label);
    }

    @Override
    public NodeValue eval(NodeValue v) {
      return checked(function.eval(v), QueryBudget.fallback(), label);
    }

    @Override
    public Expr copy(Expr expr) {
      return new CheckedLength(function.copy(expr), label);
    }
  }

  /** A string's length checked against the longest string, after a function computed it. */
  private static NodeValue checked(NodeValue value, QueryBudget budget, String function) {
    Node node = value.asNode();
    if (node.isLiteral()) {
      budget.checkString(node.getLiteralLexicalForm().length(), function);
    }
    return value;
  }
}
