package network.baton.node.sparql;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.Transformer;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.E_Multiply;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrConcat;
import org.apache.jena.sparql.expr.E_StrDatatype;
import org.apache.jena.sparql.expr.E_StrEncodeForURI;
import org.apache.jena.sparql.expr.E_StrLowerCase;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.E_StrUpperCase;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprFunction1;
import org.apache.jena.sparql.expr.ExprFunction2;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.RegexEngine;
import org.apache.jena.sparql.expr.aggregate.Accumulator;
import org.apache.jena.sparql.expr.aggregate.AccumulatorExpr;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcat;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcatDistinct;
import org.apache.jena.sparql.expr.aggregate.Aggregator;
import org.apache.jena.sparql.expr.nodevalue.NodeValueOps;
import org.apache.jena.sparql.expr.nodevalue.XSDFuncOp;
import org.apache.jena.sparql.function.FunctionEnv;

/**
 * The SPARQL built-ins that can run or allocate without bound, swapped in a query's algebra for
 * versions that keep to the query's {@link QueryBudget}; every other expression is left as Jena
 * made it, and the swapped ones give the same values within the limits.
 *
 * <ul>
 *   <li>REGEX and REPLACE match through {@link CancellableText}, so a backtracking pattern stops at
 *       the time limit (Jena's cancel signal is polled by iterators only, between solutions).
 *   <li>CONCAT checks the length of its result before building it, REPLACE before each replacement,
 *       GROUP_CONCAT before each value; UCASE, LCASE and ENCODE_FOR_URI (at most 3 and 9 times
 *       their input) check their result. Multiplication and STRDT to a number keep numbers to
 *       {@link QueryBudget#MAX_NUMBER_DIGITS} digits (BigInteger's arithmetic and parsing cannot be
 *       cancelled). Functions that never make more than they are given (STR, STRDT, STRLANG,
 *       SUBSTR, STRBEFORE, IRI...) are bounded by their bounded inputs.
 * </ul>
 *
 * <p>Jena has no hook for this (its regex engine is a global choice between two, string functions
 * are plain Java); the swap is an algebra transform run by the query's optimizer (see {@link
 * QueryContexts}).
 */
final class BoundedExpressions {

  /** log10(2): decimal digits per bit of an integer. */
  private static final double DIGITS_PER_BIT = 0.30103;

  private BoundedExpressions() {}

  /** The op with the unbounded built-ins swapped for bounded ones. */
  static Op apply(Op op) {
    return Transformer.transform(new Aggregates(), new Swap(), op);
  }

  /** Swaps expressions (inside FILTER, BIND, ORDER BY, GROUP BY, EXISTS, aggregates...). */
  private static final class Swap extends ExprTransformCopy {
    @Override
    public Expr transform(ExprFunction1 func, Expr arg) {
      if (func instanceof E_StrUpperCase && !(func instanceof UpperCase)) {
        return new UpperCase(arg);
      }
      if (func instanceof E_StrLowerCase && !(func instanceof LowerCase)) {
        return new LowerCase(arg);
      }
      if (func instanceof E_StrEncodeForURI && !(func instanceof EncodeForUri)) {
        return new EncodeForUri(arg);
      }
      return super.transform(func, arg);
    }

    @Override
    public Expr transform(ExprFunction2 func, Expr arg1, Expr arg2) {
      if (func instanceof E_Multiply && !(func instanceof Multiply)) {
        return new Multiply(arg1, arg2);
      }
      if (func instanceof E_StrDatatype && !(func instanceof Strdt)) {
        return new Strdt(arg1, arg2);
      }
      return super.transform(func, arg1, arg2);
    }

    @Override
    public Expr transform(ExprFunctionN func, ExprList args) {
      if (func instanceof E_Regex && !(func instanceof Regex)) {
        return new Regex(args.get(0), args.get(1), args.size() > 2 ? args.get(2) : null);
      }
      if (func instanceof E_StrReplace && !(func instanceof Replace)) {
        return new Replace(
            args.get(0), args.get(1), args.get(2), args.size() > 3 ? args.get(3) : null);
      }
      if (func instanceof E_StrConcat && !(func instanceof Concat)) {
        return new Concat(args);
      }
      return super.transform(func, args);
    }
  }

  /** Swaps GROUP_CONCAT aggregators (the expressions inside were swapped already). */
  private static final class Aggregates extends TransformCopy {
    @Override
    public Op transform(OpGroup opGroup, Op subOp) {
      List<ExprAggregator> aggregators = new ArrayList<>();
      boolean changed = false;
      for (ExprAggregator aggregator : opGroup.getAggregators()) {
        Aggregator agg = aggregator.getAggregator();
        Aggregator bounded = agg;
        if (agg instanceof AggGroupConcat concat && !(agg instanceof GroupConcat)) {
          bounded = new GroupConcat(concat.getExprList().get(0), concat.getSeparator());
        } else if (agg instanceof AggGroupConcatDistinct concat
            && !(agg instanceof GroupConcatDistinct)) {
          bounded = new GroupConcatDistinct(concat.getExprList().get(0), concat.getSeparator());
        }
        changed |= bounded != agg;
        aggregators.add(
            bounded == agg ? aggregator : new ExprAggregator(aggregator.getVar(), bounded));
      }
      if (!changed) {
        return super.transform(opGroup, subOp);
      }
      return OpGroup.create(subOp, opGroup.getGroupVars(), aggregators);
    }
  }

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

  /** UCASE (at most three times its input: "ß" is "SS"), its result checked. */
  static final class UpperCase extends E_StrUpperCase {
    UpperCase(Expr expr) {
      super(expr);
    }

    @Override
    public NodeValue eval(NodeValue v, FunctionEnv env) {
      return checked(super.eval(v), QueryBudget.of(env), "UCASE");
    }

    @Override
    public NodeValue eval(NodeValue v) {
      return checked(super.eval(v), QueryBudget.fallback(), "UCASE");
    }

    @Override
    public Expr copy(Expr expr) {
      return new UpperCase(expr);
    }
  }

  /** LCASE, its result checked. */
  static final class LowerCase extends E_StrLowerCase {
    LowerCase(Expr expr) {
      super(expr);
    }

    @Override
    public NodeValue eval(NodeValue v, FunctionEnv env) {
      return checked(super.eval(v), QueryBudget.of(env), "LCASE");
    }

    @Override
    public NodeValue eval(NodeValue v) {
      return checked(super.eval(v), QueryBudget.fallback(), "LCASE");
    }

    @Override
    public Expr copy(Expr expr) {
      return new LowerCase(expr);
    }
  }

  /** ENCODE_FOR_URI (at most nine characters per input character), its result checked. */
  static final class EncodeForUri extends E_StrEncodeForURI {
    EncodeForUri(Expr expr) {
      super(expr);
    }

    @Override
    public NodeValue eval(NodeValue v, FunctionEnv env) {
      return checked(super.eval(v), QueryBudget.of(env), "ENCODE_FOR_URI");
    }

    @Override
    public NodeValue eval(NodeValue v) {
      return checked(super.eval(v), QueryBudget.fallback(), "ENCODE_FOR_URI");
    }

    @Override
    public Expr copy(Expr expr) {
      return new EncodeForUri(expr);
    }
  }

  /**
   * STRDT, refused before it makes an integer or decimal of more digits than {@link
   * QueryBudget#MAX_NUMBER_DIGITS}: BigInteger parses a million digits in about twenty seconds, and
   * nothing in the parse can be cancelled.
   */
  static final class Strdt extends E_StrDatatype {
    Strdt(Expr lexical, Expr datatype) {
      super(lexical, datatype);
    }

    @Override
    public NodeValue eval(NodeValue lexical, NodeValue datatype) {
      checkNumeral(lexical, datatype.asNode(), "STRDT");
      return super.eval(lexical, datatype);
    }

    @Override
    public Expr copy(Expr lexical, Expr datatype) {
      return new Strdt(lexical, datatype);
    }
  }

  /** Throws when a lexical form given an integer or decimal datatype is too long a number. */
  static void checkNumeral(NodeValue lexical, Node datatype, String function) {
    Node node = lexical.asNode();
    if (!node.isLiteral() || datatype == null || !datatype.isURI()) {
      return;
    }
    if (TypeMapper.getInstance().getSafeTypeByName(datatype.getURI()) instanceof XSDDatatype xsd
        && XSDFuncOp.isDecimalDatatype(xsd)) {
      QueryBudget.checkNumber(node.getLiteralLexicalForm().length(), function);
    }
  }

  /**
   * Multiplication, refused before an integer or decimal product would have more digits than {@link
   * QueryBudget#MAX_NUMBER_DIGITS}: squaring a number thirty times in a chain of BINDs doubles its
   * size each time, and BigInteger's multiplication cannot be cancelled.
   */
  static final class Multiply extends E_Multiply {
    Multiply(Expr left, Expr right) {
      super(left, right);
    }

    @Override
    public NodeValue eval(NodeValue x, NodeValue y, FunctionEnv env) {
      QueryBudget.checkNumber(productDigits(x, y), "multiplication");
      return super.eval(x, y);
    }

    @Override
    public NodeValue eval(NodeValue x, NodeValue y) {
      QueryBudget.checkNumber(productDigits(x, y), "multiplication");
      return super.eval(x, y);
    }

    private static long productDigits(NodeValue x, NodeValue y) {
      return (long) Math.ceil((bits(x) + bits(y)) * DIGITS_PER_BIT);
    }

    private static long bits(NodeValue v) {
      if (v.isInteger()) {
        return v.getInteger().bitLength();
      }
      if (v.isDecimal()) {
        BigDecimal d = v.getDecimal();
        return d.unscaledValue().bitLength();
      }
      return 0;
    }

    @Override
    public Expr copy(Expr left, Expr right) {
      return new Multiply(left, right);
    }
  }

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

  /** A string's length checked against the longest string, after a function computed it. */
  private static NodeValue checked(NodeValue value, QueryBudget budget, String function) {
    Node node = value.asNode();
    if (node.isLiteral()) {
      budget.checkString(node.getLiteralLexicalForm().length(), function);
    }
    return value;
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
