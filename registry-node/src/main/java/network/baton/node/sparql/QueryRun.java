package network.baton.node.sparql;

import org.apache.jena.query.QueryExecution;

/**
 * One request's query as it waits, runs and ends: the route says when its client has gone (the
 * connection closed), and a query that has not started never starts, one that runs is aborted
 * ({@link QueryExecution#abort()}, which Jena allows from any thread: it raises the cancel signal
 * and tells the iterators, and the worker's own transaction then ends on the worker).
 */
public final class QueryRun {

  private volatile boolean clientGone;
  private volatile QueryExecution execution;

  /** The client went away: stop the query, or never start it. */
  public void clientGone() {
    clientGone = true;
    QueryExecution running = execution;
    if (running != null) {
      running.abort();
    }
  }

  /** Whether the client went away. */
  public boolean isClientGone() {
    return clientGone;
  }

  /** The query starts on a worker; throws {@link Abandoned} when its client has gone already. */
  void started(QueryExecution qe) {
    execution = qe;
    if (clientGone) {
      qe.abort();
      throw new Abandoned();
    }
  }

  /** Throws {@link Abandoned} when the client has gone (checked before any work). */
  void checkClient() {
    if (clientGone) {
      throw new Abandoned();
    }
  }

  /** Aborts the running query (its time limit passed). */
  void abort() {
    QueryExecution running = execution;
    if (running != null) {
      running.abort();
    }
  }

  /** The query ended; nothing is left to abort. */
  void finished() {
    execution = null;
  }

  /** A query whose client went away before its answer; nobody is left to answer. */
  public static final class Abandoned extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Abandoned() {
      super("the client went away; the query was not run to the end", null, false, false);
    }
  }
}
