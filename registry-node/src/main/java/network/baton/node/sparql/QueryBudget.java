package network.baton.node.sparql;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.Symbol;

/**
 * What one running query has left: its cancel signal (the {@link AtomicBoolean} Jena's timeout and
 * {@code QueryExecution.abort()} set, shared here so that code Jena never polls can see it too).
 * Travels in the query's {@link Context} under {@link #SYMBOL}, where functions find it.
 */
final class QueryBudget {

  /** Context key of the running query's budget. */
  static final Symbol SYMBOL = Symbol.create("urn:baton:sparql:budget");

  /** Budget for evaluation outside any query of ours (none happens; a safe fallback). */
  private static final QueryBudget FALLBACK = new QueryBudget();

  /** Check the cancel signal every this many characters a regex reads. */
  private static final int READS_PER_CHECK = 4096;

  private final AtomicBoolean cancelSignal = new AtomicBoolean();

  /** The budget of the query an expression is evaluated for. */
  static QueryBudget of(FunctionEnv env) {
    return env == null ? FALLBACK : of(env.getContext());
  }

  /** The budget in a query's context. */
  static QueryBudget of(Context context) {
    QueryBudget budget = context == null ? null : context.get(SYMBOL);
    return budget == null ? FALLBACK : budget;
  }

  /** Budget for evaluation without a query context (constant folding, which we switch off). */
  static QueryBudget fallback() {
    return FALLBACK;
  }

  /** The cancel signal to give Jena ({@code ARQConstants.symCancelQuery}). */
  AtomicBoolean cancelSignal() {
    return cancelSignal;
  }

  /** Throws Jena's cancellation when the query was cancelled (time limit, client gone). */
  void checkCancelled() {
    if (cancelSignal.get()) {
      throw new QueryCancelledException();
    }
  }

  /** How many characters a regex may read between two looks at the cancel signal. */
  static int readsPerCheck() {
    return READS_PER_CHECK;
  }
}
