package network.baton.vocab;

/**
 * Input that cannot be read or is refused, with where in it: the 1-based line and column, -1 when
 * unknown.
 */
public abstract class PositionedInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final long line;
  private final long column;

  /** An error at a line and column of the input (1-based, -1 when unknown). */
  protected PositionedInputException(String message, long line, long column, Throwable cause) {
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
