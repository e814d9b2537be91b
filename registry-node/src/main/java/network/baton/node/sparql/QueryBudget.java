package network.baton.node.sparql;

import static java.util.Objects.requireNonNull;

import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import network.baton.node.config.QueryLimits;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.Symbol;

/**
 * What one running query has left: its cancel signal (the {@link AtomicBoolean} Jena's timeout and
 * {@code QueryExecution.abort()} set, shared here so that code Jena never polls can see it too),
 * the longest string it may compute, and the memory it may hold. Travels in the query's {@link
 * Context} under {@link #SYMBOL}, where functions, aggregates and the operator executor find it.
 *
 * <p>Held memory is an estimate, charged when a solution enters an operator that keeps it (ORDER
 * BY, DISTINCT, GROUP BY, the hashed side of a join, OPTIONAL or MINUS, a CONSTRUCT graph) and
 * never given back before the query ends: {@value #SOLUTION_BYTES} bytes per solution plus {@value
 * #BYTES_PER_BINDING} per bound variable plus two per character of its IRIs and literals (UTF-16,
 * which over-counts Java's one-byte Latin-1 strings). Jena itself bounds none of these in memory
 * ({@code ARQ.spillToDiskThreshold} moves sorting and DISTINCT to disk, which trades the heap for
 * the disk and leaves GROUP BY and hash joins unbounded), so the budget is one number for all.
 */
final class QueryBudget {

  /** Context key of the running query's budget. */
  static final Symbol SYMBOL = Symbol.create("urn:baton:sparql:budget");

  /**
   * Estimated bytes of one held solution besides its variables: the binding objects, the variables
   * a projection hides but keeps alive in the binding below it, the operator's list or hash slot.
   * Measured on the kosen sample, 300,000 solutions of a two-pattern join held in a list: 460 bytes
   * each with all six variables (nodes shared through TDB2's node cache), 570 projected to two, 790
   * projected to one computed literal; this estimate gives 1,200, 700 and 700.
   */
  static final int SOLUTION_BYTES = 512;

  /** Estimated bytes per bound variable of a held solution (map entry, node objects). */
  static final int BYTES_PER_BINDING = 64;

  /**
   * Most digits of an integer or decimal a query may compute or parse from a computed string
   * (fixed: BigInteger parses 10,000 digits in milliseconds, a million in about twenty seconds).
   */
  static final int MAX_NUMBER_DIGITS = 10_000;

  /** Budget for evaluation outside any query of ours (none happens; a safe fallback). */
  private static final QueryBudget FALLBACK = new QueryBudget(QueryLimits.defaults());

  /** Check the cancel signal every this many characters a regular expression reads. */
  private static final int READS_PER_CHECK = 4096;

  private final QueryLimits limits;
  private final AtomicBoolean cancelSignal = new AtomicBoolean();
  private final AtomicLong held = new AtomicLong();

  QueryBudget(QueryLimits limits) {
    this.limits = requireNonNull(limits, "limits");
  }

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

  /** Throws when a function is about to produce a string of this many characters. */
  void checkString(long length, String function) {
    if (length > limits.maxStringLength()) {
      throw new QueryLimitExceeded(
          "sparqlMaxStringLength",
          limits.maxStringLength(),
          function
              + " would produce a string of "
              + length
              + " characters; this node computes strings of at most "
              + limits.maxStringLength());
    }
  }

  /** Throws when a number of this many digits is about to be computed or parsed. */
  static void checkNumber(long digits, String function) {
    if (digits > MAX_NUMBER_DIGITS) {
      throw new QueryLimitExceeded(
          "numberDigits",
          MAX_NUMBER_DIGITS,
          function
              + " would make a number of about "
              + digits
              + " digits; this node computes numbers of at most "
              + MAX_NUMBER_DIGITS);
    }
  }

  /** Charges a solution the query keeps in memory; throws past the memory budget. */
  void hold(Binding binding) {
    long[] bytes = {SOLUTION_BYTES};
    binding.forEach((var, node) -> bytes[0] += BYTES_PER_BINDING + 2L * textLength(node));
    hold(bytes[0]);
  }

  /** Charges what a solution's given variables keep in memory; throws past the memory budget. */
  void hold(Binding binding, Set<Var> vars) {
    long bytes = SOLUTION_BYTES;
    for (Var var : vars) {
      Node node = binding.get(var);
      if (node != null) {
        bytes += BYTES_PER_BINDING + 2L * textLength(node);
      }
    }
    hold(bytes);
  }

  /** Charges bytes the query keeps in memory; throws past the memory budget. */
  void hold(long bytes) {
    if (this == FALLBACK) {
      // Shared by whatever evaluates outside our queries: a total would only grow.
      return;
    }
    long total = held.addAndGet(bytes);
    if (total > limits.memoryBytes()) {
      throw new QueryLimitExceeded(
          "sparqlMemoryBytes",
          limits.memoryBytes(),
          "the query holds more solutions in memory (sorting, DISTINCT, GROUP BY, joins) than"
              + " this node allows one query ("
              + limits.memoryBytes()
              + " bytes, estimated); add LIMITs or filters inside the pattern");
    }
  }

  /** Bytes charged so far. */
  long held() {
    return held.get();
  }

  /** Characters of a node's IRI or literal (0 for others). */
  static long textLength(Node node) {
    if (node == null) {
      return 0;
    }
    if (node.isLiteral()) {
      return node.getLiteralLexicalForm().length();
    }
    if (node.isURI()) {
      return node.getURI().length();
    }
    return 0;
  }
}
