package network.baton.node.work;

import network.baton.credential.http.Problem;
import network.baton.credential.http.ProblemMapping;

/** How every route answers a full work queue: 503 with Retry-After. */
public final class WorkProblems implements ProblemMapping {

  @Override
  public Problem toProblem(Throwable failure) {
    if (!(failure instanceof WorkRefused e)) {
      return null;
    }
    return new Problem("busy", 503, "Service busy", e.getMessage())
        .withHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
  }
}
