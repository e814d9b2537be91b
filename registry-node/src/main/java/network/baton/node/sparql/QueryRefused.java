package network.baton.node.sparql;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A SPARQL query this node will not answer, and why: the domain failure of {@link SparqlService},
 * {@link QueryPolicy} and federated SPARQL. {@link SparqlProblems} gives each reason its HTTP
 * status; the facts (line and column of a parse error, the limit that stopped a query) go into the
 * problem as members.
 */
public final class QueryRefused extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a query is refused. */
  public enum Reason {
    /** No query text. */
    NO_QUERY,
    /** The text does not parse (facts: line, column). */
    MALFORMED,
    /** An update sent to the query endpoint. */
    UPDATE,
    /** Nested deeper than a worker's stack. */
    TOO_COMPLEX,
    /** Uses what the public may not (fact: refused). */
    NOT_ALLOWED,
    /** Refused by Jena while it ran (a denied feature). */
    DENIED,
    /** A property function or text query given arguments it cannot use. */
    BAD_ARGUMENT,
    /** Ran past the time limit (fact: timeoutMs). */
    TIMED_OUT,
    /** Stopped at a memory or answer limit (facts: limit, value). */
    TOO_LARGE,
    /** No results format the client accepts. */
    NOT_ACCEPTABLE,
    /** Federated SPARQL: not a SELECT. */
    SELECT_ONLY,
    /** Federated SPARQL: binds the variable naming the member. */
    RESERVED_VARIABLE,
    /** Federated SPARQL: names members outside the network. */
    UNKNOWN_MEMBERS
  }

  private final Reason reason;
  private final transient Map<String, Object> facts;

  /** A refusal for reason, with a detail for the client. */
  public QueryRefused(Reason reason, String detail) {
    this(reason, detail, Map.of());
  }

  /** A refusal for reason with facts (problem members). */
  public QueryRefused(Reason reason, String detail, Map<String, Object> facts) {
    super(detail);
    this.reason = requireNonNull(reason, "reason");
    this.facts = new LinkedHashMap<>(facts);
  }

  /** Why. */
  public Reason reason() {
    return reason;
  }

  /** The facts, in the order given. */
  public Map<String, Object> facts() {
    return new LinkedHashMap<>(facts);
  }
}
