package network.baton.node.sparql;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.RegexEngine;
import org.apache.jena.sparql.expr.nodevalue.NodeValueOps;
import org.apache.jena.sparql.function.FunctionEnv;

/**
 * REGEX and REPLACE matched through {@link CancellableText}, so a backtracking pattern stops at the
 * query's time limit.
 */
final class BoundedPatterns {
  private BoundedPatterns() {}

  /** REGEX through {@link CancellableText}; same pattern syntax and flags as Jena's Java regex. */
  static final class Regex extends E_Regex {
    private final Pattern constant;

    Regex(Expr expr, Expr pattern, Expr flags) {
      super(expr, pattern, flags);
      constant = constantPattern("Regex", pattern, flags);
    }

    @Override
    public NodeValue eval(List<NodeValue> args, FunctionEnv env) {
      return match(args, QueryBudget.of(env));
    }

    @Override
    public NodeValue eval(List<NodeValue> args) {
      return match(args, QueryBudget.fallback());
    }

    private NodeValue match(List<NodeValue> args, QueryBudget budget) {
      Node arg = NodeValueOps.checkAndGetStringLiteral("REGEX", args.get(0));
      Pattern pattern =
          constant != null
              ? constant
              : runtimePattern("Regex", args.get(1), args.size() > 2 ? args.get(2) : null);
      boolean found =
          pattern.matcher(new CancellableText(arg.getLiteralLexicalForm(), budget)).find();
      return NodeValue.booleanReturn(found);
    }

    @Override
    public Expr copy(ExprList newArgs) {
      return new Regex(newArgs.get(0), newArgs.get(1), newArgs.size() > 2 ? newArgs.get(2) : null);
    }
  }

  /**
   * REPLACE through {@link CancellableText}, checking the result's length before each replacement
   * is appended: the gap before the match, the replacement text, and each group reference in it at
   * most the whole match. Otherwise as Jena's (XSDFuncOp.strReplace): an empty match only counts as
   * the first one, and the result keeps the input's language tag or datatype.
   */
  static final class Replace extends E_StrReplace {
    private final Pattern constant;

    Replace(Expr string, Expr pattern, Expr replacement, Expr flags) {
      super(string, pattern, replacement, flags);
      constant = constantPattern("REPLACE", pattern, flags);
    }

    @Override
    public NodeValue eval(List<NodeValue> args, FunctionEnv env) {
      return replace(args, QueryBudget.of(env));
    }

    @Override
    public NodeValue eval(List<NodeValue> args) {
      return replace(args, QueryBudget.fallback());
    }

    private NodeValue replace(List<NodeValue> args, QueryBudget budget) {
      NodeValue input = args.get(0);
      Pattern pattern = constant;
      if (pattern == null) {
        String text =
            NodeValueOps.checkAndGetStringLiteral("replace", args.get(1)).getLiteralLexicalForm();
        String flags =
            args.size() > 3
                ? NodeValueOps.checkAndGetStringLiteral("replace", args.get(3))
                    .getLiteralLexicalForm()
                : null;
        pattern = RegexEngine.makePattern("replace", text, flags);
      }
      String string =
          NodeValueOps.checkAndGetStringLiteral("replace", input).getLiteralLexicalForm();
      String replacement =
          NodeValueOps.checkAndGetStringLiteral("replace", args.get(2)).getLiteralLexicalForm();
      long references = replacement.chars().filter(c -> c == '$').count();
      Matcher matcher = pattern.matcher(new CancellableText(string, budget));
      StringBuilder result = null;
      int appended = 0;
      try {
        while (matcher.find()) {
          if (result == null) {
            result = new StringBuilder();
          } else if (matcher.start() == matcher.end()) {
            continue;
          }
          long most =
              (long) result.length()
                  + (matcher.start() - appended)
                  + replacement.length()
                  + references * (matcher.end() - matcher.start());
          budget.checkString(most, "REPLACE");
          matcher.appendReplacement(result, replacement);
          appended = matcher.end();
        }
        if (result == null) {
          return input;
        }
        budget.checkString((long) result.length() + string.length() - appended, "REPLACE");
        matcher.appendTail(result);
      } catch (IndexOutOfBoundsException e) {
        throw new ExprEvalException("IndexOutOfBounds", e);
      }
      String replaced = result.toString();
      if (replaced.equals(string)) {
        return input;
      }
      Node node = input.asNode();
      return NodeValue.makeNode(
          NodeFactory.createLiteral(
              replaced, node.getLiteralLanguage(), node.getLiteralDatatype()));
    }

    @Override
    public Expr copy(ExprList newArgs) {
      return new Replace(
          newArgs.get(0),
          newArgs.get(1),
          newArgs.get(2),
          newArgs.size() > 3 ? newArgs.get(3) : null);
    }
  }

  /** The pattern when pattern and flags are constants (compiled once, as Jena does). */
  private static Pattern constantPattern(String label, Expr pattern, Expr flags) {
    if (!pattern.isConstant() || !pattern.getConstant().isString()) {
      return null;
    }
    if (flags != null && (!flags.isConstant() || !flags.getConstant().isString())) {
      return null;
    }
    return compile(
        label,
        pattern.getConstant().getString(),
        flags == null ? null : flags.getConstant().getString());
  }

  private static Pattern runtimePattern(String label, NodeValue pattern, NodeValue flags) {
    if (!pattern.isString()) {
      throw new ExprEvalException(label + ": pattern is not a string: " + pattern);
    }
    if (flags != null && !flags.isString()) {
      throw new ExprEvalException(label + ": flags are not a string: " + flags);
    }
    return compile(label, pattern.getString(), flags == null ? null : flags.getString());
  }

  private static Pattern compile(String label, String pattern, String flags) {
    if (flags != null && !flags.chars().allMatch(c -> "smixq".indexOf(c) >= 0)) {
      throw new ExprEvalException(
          label + ": only 'smixq' are legal as pattern flags: got \"" + flags + "\"");
    }
    return RegexEngine.makePattern(label, pattern, flags);
  }
}
