package network.baton.node.sparql;

import org.apache.jena.query.ARQ;
import org.apache.jena.query.QueryExecutionDatasetBuilder;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.algebra.optimize.Optimize;
import org.apache.jena.sparql.algebra.optimize.RewriteFactory;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;

/**
 * The Jena context symbols that hold one public query to its {@link QueryBudget}, set on its
 * execution builder.
 *
 * <ul>
 *   <li>the cancel signal ({@code ARQConstants.symCancelQuery}) is the budget's, so the checks Jena
 *       never makes (inside a regex, while writing the answer) see its time limit and abort;
 *   <li>the optimizer ({@code sysOptimizerFactory}) first swaps unbounded built-ins for {@link
 *       BoundedExpressions}, then runs Jena's usual optimization; constant folding is off ({@code
 *       optExprConstantFolding}), because it evaluates outside any query's budget;
 *   <li>the operator executor ({@code sysOpExecutorFactory}) is {@link BoundedOpExecutor};
 *   <li>functions and property functions come from {@link PublicFunctions} only;
 *   <li>SERVICE is off twice more: no HTTP SERVICE ({@code httpServiceAllowed}) and no service
 *       executors at all (an empty {@code ServiceExecutorRegistry}).
 * </ul>
 */
final class QueryContexts {

  private static final RewriteFactory BOUNDED_OPTIMIZER =
      context -> op -> Optimize.getFactory().create(context).rewrite(BoundedExpressions.apply(op));

  private QueryContexts() {}

  /** Sets the symbols for a query with this budget on its builder. */
  static QueryExecutionDatasetBuilder bound(
      QueryExecutionDatasetBuilder builder, QueryBudget budget) {
    return builder
        .set(QueryBudget.SYMBOL, budget)
        .set(ARQConstants.symCancelQuery, budget.cancelSignal())
        .set(ARQConstants.sysOptimizerFactory, BOUNDED_OPTIMIZER)
        .set(ARQ.optExprConstantFolding, false)
        .set(ARQConstants.sysOpExecutorFactory, BoundedOpExecutor.FACTORY)
        .set(ARQ.httpServiceAllowed, false)
        .set(ARQConstants.registryServiceExecutors, new ServiceExecutorRegistry())
        .set(ARQConstants.registryFunctions, PublicFunctions.functions())
        .set(ARQConstants.registryPropertyFunctions, PublicFunctions.propertyFunctions());
  }
}
