package network.baton.node.sparql;

import static java.util.Objects.requireNonNull;

import org.apache.jena.query.QueryExecException;

/**
 * A query went past one of the node's cost limits while it ran. Thrown from inside Jena's execution
 * (a function, an aggregate, an operator that holds solutions, the answer writer); a {@link
 * QueryExecException} and not an {@code ExprEvalException}, so no FILTER or BIND turns it into "no
 * value" and it ends the whole query.
 */
final class QueryLimitExceeded extends QueryExecException {
  private static final long serialVersionUID = 1L;

  private final String limit;
  private final long value;

  /** The query passed the limit named by its config key (e.g. sparqlMaxStringLength). */
  QueryLimitExceeded(String limit, long value, String detail) {
    super(detail);
    this.limit = requireNonNull(limit, "limit");
    this.value = value;
  }

  /** The config key of the limit. */
  String limit() {
    return limit;
  }

  /** The limit's value on this node. */
  long value() {
    return value;
  }
}
