package network.baton.credential.http;

/**
 * How the routes of one feature answer the domain exceptions of its services: the problem for a
 * failure it knows, null for any other. Services throw domain exceptions; only routes, through
 * their mapping, know HTTP status codes.
 */
@FunctionalInterface
public interface ProblemMapping {

  /** The problem for failure, or null when failure is not one this mapping knows. */
  Problem toProblem(Throwable failure);
}
