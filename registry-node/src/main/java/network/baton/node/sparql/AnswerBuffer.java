package network.baton.node.sparql;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;

/**
 * The serialized answer, kept in memory until it is whole (so a query that fails while its answer
 * is written still gets a problem, not half a 200): refuses to grow past the answer limit and stops
 * the writer once the query is cancelled, so result writing is bounded in size and time too.
 */
final class AnswerBuffer extends OutputStream {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
  private final long limit;
  private final QueryBudget budget;

  AnswerBuffer(long limit, QueryBudget budget) {
    this.limit = limit;
    this.budget = budget;
  }

  @Override
  public void write(int b) {
    room(1);
    bytes.write(b);
  }

  @Override
  public void write(byte[] b, int off, int len) {
    room(len);
    bytes.write(b, off, len);
  }

  /** The answer so far. */
  byte[] toByteArray() {
    return bytes.toByteArray();
  }

  private void room(int more) {
    budget.checkCancelled();
    if ((long) bytes.size() + more > limit) {
      throw new QueryLimitExceeded(
          "sparqlMaxAnswerBytes",
          limit,
          "the answer is larger than this node sends for one query ("
              + limit
              + " bytes); ask for fewer rows (LIMIT) or fewer or shorter values");
    }
  }
}
