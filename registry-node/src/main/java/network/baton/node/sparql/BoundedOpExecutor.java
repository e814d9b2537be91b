package network.baton.node.sparql;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.query.SortCondition;
import org.apache.jena.sparql.algebra.OpVars;
import org.apache.jena.sparql.algebra.op.OpAntiJoin;
import org.apache.jena.sparql.algebra.op.OpDistinct;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.algebra.op.OpJoin;
import org.apache.jena.sparql.algebra.op.OpLeftJoin;
import org.apache.jena.sparql.algebra.op.OpMinus;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.algebra.op.OpSemiJoin;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.op.OpTable;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.core.VarExprList;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.iterator.QueryIterDistinct;
import org.apache.jena.sparql.engine.iterator.QueryIterGroup;
import org.apache.jena.sparql.engine.iterator.QueryIterHalfJoin;
import org.apache.jena.sparql.engine.iterator.QueryIterMinus;
import org.apache.jena.sparql.engine.iterator.QueryIterSort;
import org.apache.jena.sparql.engine.iterator.QueryIteratorWrapper;
import org.apache.jena.sparql.engine.join.Join;
import org.apache.jena.sparql.engine.main.OpExecutorFactory;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprVars;
import org.apache.jena.sparql.expr.aggregate.AggAvg;
import org.apache.jena.sparql.expr.aggregate.AggCount;
import org.apache.jena.sparql.expr.aggregate.AggCountVar;
import org.apache.jena.sparql.expr.aggregate.AggMax;
import org.apache.jena.sparql.expr.aggregate.AggMin;
import org.apache.jena.sparql.expr.aggregate.AggSample;
import org.apache.jena.sparql.expr.aggregate.AggSum;
import org.apache.jena.sparql.expr.aggregate.Aggregator;
import org.apache.jena.tdb2.solver.OpExecutorTDB2;

/**
 * TDB2's operator executor with the solutions that an operator keeps in memory charged to the
 * query's {@link QueryBudget} as they arrive: the input of ORDER BY and DISTINCT, of GROUP BY (the
 * variables its keys and aggregates read) unless it is one group of running totals (COUNT, SUM...
 * without DISTINCT), the probe side of a hash join (the left of a join, the right of OPTIONAL,
 * MINUS and the half joins, and the input joined with VALUES). Each case builds the same iterator
 * as Jena's {@code OpExecutor}, only over a charged input. SERVICE is refused here too (the
 * endpoint refuses it before parsing finishes; this is the second line).
 */
final class BoundedOpExecutor extends OpExecutorTDB2 {

  /** Makes one executor per (sub)execution, as Jena asks. */
  static final OpExecutorFactory FACTORY = BoundedOpExecutor::new;

  private final QueryBudget budget;

  private BoundedOpExecutor(ExecutionContext execCxt) {
    super(execCxt);
    this.budget = QueryBudget.of(execCxt.getContext());
  }

  @Override
  protected QueryIterator execute(OpOrder opOrder, QueryIterator input) {
    QueryIterator sub = held(exec(opOrder.getSubOp(), input));
    return new QueryIterSort(sub, opOrder.getConditions(), execCxt);
  }

  @Override
  protected QueryIterator execute(OpDistinct opDistinct, QueryIterator input) {
    QueryIterator sub = held(exec(opDistinct.getSubOp(), input));
    List<SortCondition> conditions = null;
    if (opDistinct.getSubOp() instanceof OpOrder order) {
      // As Jena: a DISTINCT that spills keeps the order of the ORDER BY below it.
      conditions = order.getConditions();
    }
    return new QueryIterDistinct(sub, conditions, execCxt);
  }

  @Override
  protected QueryIterator execute(OpGroup opGroup, QueryIterator input) {
    QueryIterator sub = exec(opGroup.getSubOp(), input);
    if (!runningTotals(opGroup)) {
      // A group keeps its key and its aggregates' values, not the solutions that pass: only the
      // variables those use are charged (and so decoded, as grouping decodes them anyway).
      sub = new Held(sub, budget, groupVariables(opGroup));
    }
    return new QueryIterGroup(sub, opGroup.getGroupVars(), opGroup.getAggregators(), execCxt);
  }

  @Override
  protected QueryIterator execute(OpJoin opJoin, QueryIterator input) {
    QueryIterator left = held(exec(opJoin.getLeft(), input));
    QueryIterator right = exec(opJoin.getRight(), root());
    return Join.join(left, right, execCxt);
  }

  @Override
  protected QueryIterator execute(OpLeftJoin opLeftJoin, QueryIterator input) {
    QueryIterator left = exec(opLeftJoin.getLeft(), input);
    QueryIterator right = held(exec(opLeftJoin.getRight(), root()));
    return Join.leftJoin(left, right, opLeftJoin.getExprs(), execCxt);
  }

  @Override
  protected QueryIterator execute(OpSemiJoin opSemiJoin, QueryIterator input) {
    QueryIterator left = exec(opSemiJoin.getLeft(), input);
    QueryIterator right = held(exec(opSemiJoin.getRight(), root()));
    return QueryIterHalfJoin.semiJoin(left, right, execCxt);
  }

  @Override
  protected QueryIterator execute(OpAntiJoin opAntiJoin, QueryIterator input) {
    QueryIterator left = exec(opAntiJoin.getLeft(), input);
    QueryIterator right = held(exec(opAntiJoin.getRight(), root()));
    return QueryIterHalfJoin.antiJoin(left, right, execCxt);
  }

  @Override
  protected QueryIterator execute(OpMinus opMinus, QueryIterator input) {
    QueryIterator left = exec(opMinus.getLeft(), input);
    QueryIterator right = held(exec(opMinus.getRight(), root()));
    Set<Var> commonVars = OpVars.visibleVars(opMinus.getLeft());
    commonVars.retainAll(OpVars.visibleVars(opMinus.getRight()));
    return QueryIterMinus.create(left, right, commonVars, execCxt);
  }

  @Override
  protected QueryIterator execute(OpTable opTable, QueryIterator input) {
    if (opTable.isJoinIdentity() || input.isJoinIdentity()) {
      return super.execute(opTable, input);
    }
    return Join.join(held(input), opTable.getTable().iterator(execCxt), execCxt);
  }

  @Override
  protected QueryIterator execute(OpService opService, QueryIterator input) {
    throw new QueryDeniedException("SERVICE is not allowed on this endpoint");
  }

  /**
   * One group (no GROUP BY) of aggregates that keep a running value only (not DISTINCT ones, which
   * keep every value seen, nor GROUP_CONCAT or custom ones).
   */
  private static boolean runningTotals(OpGroup opGroup) {
    if (!opGroup.getGroupVars().isEmpty()) {
      return false;
    }
    for (ExprAggregator aggregator : opGroup.getAggregators()) {
      Aggregator agg = aggregator.getAggregator();
      boolean running =
          agg instanceof AggCount
              || agg instanceof AggCountVar
              || agg instanceof AggSum
              || agg instanceof AggAvg
              || agg instanceof AggMin
              || agg instanceof AggMax
              || agg instanceof AggSample;
      if (!running) {
        return false;
      }
    }
    return true;
  }

  /** The variables a group's keys and aggregates read. */
  private static Set<Var> groupVariables(OpGroup opGroup) {
    Set<Var> vars = new HashSet<>();
    VarExprList keys = opGroup.getGroupVars();
    for (Var var : keys.getVars()) {
      Expr expr = keys.getExpr(var);
      vars.addAll(expr == null ? Set.of(var) : ExprVars.getVarsMentioned(expr));
    }
    for (ExprAggregator aggregator : opGroup.getAggregators()) {
      ExprList exprs = aggregator.getAggregator().getExprList();
      if (exprs != null) {
        vars.addAll(ExprVars.getVarsMentioned(exprs));
      }
    }
    return vars;
  }

  private QueryIterator held(QueryIterator input) {
    return new Held(input, budget, null);
  }

  /** Charges every solution that passes to the query's budget (only some variables, if given). */
  private static final class Held extends QueryIteratorWrapper {
    private final QueryBudget budget;
    private final Set<Var> vars;

    Held(QueryIterator input, QueryBudget budget, Set<Var> vars) {
      super(input);
      this.budget = budget;
      this.vars = vars;
    }

    @Override
    protected Binding moveToNextBinding() {
      Binding binding = super.moveToNextBinding();
      if (vars == null) {
        budget.hold(binding);
      } else {
        budget.hold(binding, vars);
      }
      return binding;
    }
  }
}
