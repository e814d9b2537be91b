package network.baton.vocab;

/**
 * A JSON-LD payload that cannot be read: malformed JSON (with line and column), an unbundled
 * context, an invalid JSON-LD construct, or terms that expand to nothing.
 */
public final class JsonLdInputException extends PositionedInputException {

  private static final long serialVersionUID = 1L;

  /** An error without a position in the input. */
  public JsonLdInputException(String message, Throwable cause) {
    this(message, -1, -1, cause);
  }

  /** An error at a line and column of the input (1-based, -1 when unknown). */
  public JsonLdInputException(String message, long line, long column, Throwable cause) {
    super(message, line, column, cause);
  }
}
