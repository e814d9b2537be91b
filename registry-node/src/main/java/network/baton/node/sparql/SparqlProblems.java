package network.baton.node.sparql;

import io.vertx.core.json.JsonObject;
import network.baton.credential.http.Problem;
import network.baton.credential.http.ProblemMapping;

/**
 * How the SPARQL routes (the node's and federated SPARQL's) answer a {@link QueryRefused}: 400 for
 * what is wrong with the query, 403 for an update, 406 for no acceptable format, 422 for a query
 * stopped at a memory or answer limit, 503 for one cancelled at the time limit (as Fuseki answers).
 */
public final class SparqlProblems implements ProblemMapping {

  @Override
  public Problem toProblem(Throwable failure) {
    if (!(failure instanceof QueryRefused e)) {
      return null;
    }
    JsonObject facts = new JsonObject(e.facts());
    String detail = e.getMessage();
    return switch (e.reason()) {
      case NO_QUERY, BAD_ARGUMENT, UNKNOWN_MEMBERS -> Problem.badRequest(detail);
      case MALFORMED -> new Problem("malformed-query", 400, "Malformed query", detail, facts);
      case UPDATE -> SparqlRoutes.readOnly();
      case TOO_COMPLEX -> new Problem("query-too-complex", 400, "Query too complex", detail);
      case NOT_ALLOWED, DENIED ->
          new Problem("query-not-allowed", 400, "Query not allowed", detail, facts);
      case TIMED_OUT -> new Problem("query-timeout", 503, "Query timed out", detail, facts);
      case TOO_LARGE -> new Problem("query-too-large", 422, "Query too large", detail, facts);
      case NOT_ACCEPTABLE -> new Problem("not-acceptable", 406, "Not acceptable", detail);
      case SELECT_ONLY -> new Problem("select-only", 400, "SELECT only", detail);
      case RESERVED_VARIABLE -> new Problem("bad-query", 400, "Bad SPARQL query", detail);
    };
  }
}
