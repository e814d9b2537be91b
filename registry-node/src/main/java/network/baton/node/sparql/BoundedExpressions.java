package network.baton.node.sparql;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.Transformer;
import org.apache.jena.sparql.algebra.op.OpGroup;
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
import org.apache.jena.sparql.expr.ExprFunction1;
import org.apache.jena.sparql.expr.ExprFunction2;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcat;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcatDistinct;
import org.apache.jena.sparql.expr.aggregate.Aggregator;

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

  private BoundedExpressions() {}

  /** The op with the unbounded built-ins swapped for bounded ones. */
  static Op apply(Op op) {
    return Transformer.transform(new Aggregates(), new Swap(), op);
  }

  /** Swaps expressions (inside FILTER, BIND, ORDER BY, GROUP BY, EXISTS, aggregates...). */
  private static final class Swap extends ExprTransformCopy {
    @Override
    public Expr transform(ExprFunction1 func, Expr arg) {
      if (func instanceof E_StrUpperCase) {
        return new BoundedStrings.CheckedLength(func.copy(arg), "UCASE");
      }
      if (func instanceof E_StrLowerCase) {
        return new BoundedStrings.CheckedLength(func.copy(arg), "LCASE");
      }
      if (func instanceof E_StrEncodeForURI) {
        return new BoundedStrings.CheckedLength(func.copy(arg), "ENCODE_FOR_URI");
      }
      return super.transform(func, arg);
    }

    @Override
    public Expr transform(ExprFunction2 func, Expr arg1, Expr arg2) {
      if (func instanceof E_Multiply && !(func instanceof BoundedNumbers.Multiply)) {
        return new BoundedNumbers.Multiply(arg1, arg2);
      }
      if (func instanceof E_StrDatatype && !(func instanceof BoundedNumbers.Strdt)) {
        return new BoundedNumbers.Strdt(arg1, arg2);
      }
      return super.transform(func, arg1, arg2);
    }

    @Override
    public Expr transform(ExprFunctionN func, ExprList args) {
      if (func instanceof E_Regex && !(func instanceof BoundedPatterns.Regex)) {
        return new BoundedPatterns.Regex(
            args.get(0), args.get(1), args.size() > 2 ? args.get(2) : null);
      }
      if (func instanceof E_StrReplace && !(func instanceof BoundedPatterns.Replace)) {
        return new BoundedPatterns.Replace(
            args.get(0), args.get(1), args.get(2), args.size() > 3 ? args.get(3) : null);
      }
      if (func instanceof E_StrConcat && !(func instanceof BoundedStrings.Concat)) {
        return new BoundedStrings.Concat(args);
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
        if (agg instanceof AggGroupConcat concat
            && !(agg instanceof BoundedGroupConcat.GroupConcat)) {
          bounded =
              new BoundedGroupConcat.GroupConcat(
                  concat.getExprList().get(0), concat.getSeparator());
        } else if (agg instanceof AggGroupConcatDistinct concat
            && !(agg instanceof BoundedGroupConcat.GroupConcatDistinct)) {
          bounded =
              new BoundedGroupConcat.GroupConcatDistinct(
                  concat.getExprList().get(0), concat.getSeparator());
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
}
