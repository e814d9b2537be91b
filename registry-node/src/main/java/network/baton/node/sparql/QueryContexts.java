package network.baton.node.sparql;

import org.apache.jena.query.ARQ;
import org.apache.jena.query.QueryExecutionDatasetBuilder;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;

/**
 * The Jena context symbols that hold one public query to what the public may use, set on its
 * execution builder.
 *
 * <ul>
 *   <li>the operator executor ({@code sysOpExecutorFactory}) is {@link BoundedOpExecutor};
 *   <li>functions and property functions come from {@link PublicFunctions} only;
 *   <li>SERVICE is off twice more: no HTTP SERVICE ({@code httpServiceAllowed}) and no service
 *       executors at all (an empty {@code ServiceExecutorRegistry}).
 * </ul>
 */
final class QueryContexts {

  private QueryContexts() {}

  /** Sets the symbols for a public query on its builder. */
  static QueryExecutionDatasetBuilder bound(QueryExecutionDatasetBuilder builder) {
    return builder
        .set(ARQConstants.sysOpExecutorFactory, BoundedOpExecutor.FACTORY)
        .set(ARQ.httpServiceAllowed, false)
        .set(ARQConstants.registryServiceExecutors, new ServiceExecutorRegistry())
        .set(ARQConstants.registryFunctions, PublicFunctions.functions())
        .set(ARQConstants.registryPropertyFunctions, PublicFunctions.propertyFunctions());
  }
}
