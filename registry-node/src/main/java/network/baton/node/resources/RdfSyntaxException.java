package network.baton.node.resources;

/** Input that is not well-formed RDF or JSON; line and column are -1 when unknown. */
public class RdfSyntaxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long line;
  private final long column;

  /** A syntax error at a position in the input. */
  public RdfSyntaxException(String message, long line, long column) {
    super(message);
    this.line = line;
    this.column = column;
  }

  /** The 1-based line of the error, or -1. */
  public long line() {
    return line;
  }

  /** The 1-based column of the error, or -1. */
  public long column() {
    return column;
  }

  /** The message with its position, e.g. "line 3, column 7: expected '.'". */
  public String describe() {
    if (line < 0 || getMessage().contains("line " + line)) {
      return getMessage(); // no position, or the parser already named it
    }
    return "line " + line + (column < 0 ? "" : ", column " + column) + ": " + getMessage();
  }
}
