package network.baton.node.sparql;

import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.main.OpExecutorFactory;
import org.apache.jena.tdb2.solver.OpExecutorTDB2;

/**
 * TDB2's operator executor for public queries. SERVICE is refused here too (the endpoint refuses it
 * before the query runs; this is the second line).
 */
final class BoundedOpExecutor extends OpExecutorTDB2 {

  /** Makes one executor per (sub)execution, as Jena asks. */
  static final OpExecutorFactory FACTORY = BoundedOpExecutor::new;

  private BoundedOpExecutor(ExecutionContext execCxt) {
    super(execCxt);
  }

  @Override
  protected QueryIterator execute(OpService opService, QueryIterator input) {
    throw new QueryDeniedException("SERVICE is not allowed on this endpoint");
  }
}
