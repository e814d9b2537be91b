package network.baton.vocab;

/**
 * A JSON-LD payload that cannot be read: malformed JSON (with line and column), an unbundled
 * context, an invalid JSON-LD construct, or terms that expand to nothing.
 */
public final class JsonLdInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final long line;
  private final long column;

  /** An error without a position in the input. */
  public JsonLdInputException(String message, Throwable cause) {
    this(message, -1, -1, cause);
  }

  /** An error at a line and column of the input (1-based, -1 when unknown). */
  public JsonLdInputException(String message, long line, long column, Throwable cause) {
    super(message, cause);
    this.line = line;
    this.column = column;
  }

  /** The 1-based line of the error in the input, -1 when unknown. */
  public long line() {
    return line;
  }

  /** The 1-based column of the error in the input, -1 when unknown. */
  public long column() {
    return column;
  }
}
