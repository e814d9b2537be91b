package network.baton.node.resources;

import network.baton.vocab.PositionedInputException;
import org.apache.jena.riot.system.ErrorHandler;

/** Input that is not well-formed RDF or JSON; line and column are -1 when unknown. */
public class RdfSyntaxException extends PositionedInputException {
  private static final long serialVersionUID = 1L;

  /** Turns a parser's first error into this exception with its position; warnings are ignored. */
  private static final ErrorHandler THROWING =
      new ErrorHandler() {
        @Override
        public void warning(String message, long line, long col) {}

        @Override
        public void error(String message, long line, long col) {
          throw new RdfSyntaxException(message, line, col);
        }

        @Override
        public void fatal(String message, long line, long col) {
          throw new RdfSyntaxException(message, line, col);
        }
      };

  /** A syntax error at a position in the input. */
  public RdfSyntaxException(String message, long line, long column) {
    super(message, line, column, null);
  }

  /** The message with its position, e.g. "line 3, column 7: expected '.'". */
  public String describe() {
    if (line() < 0 || getMessage().contains("line " + line())) {
      return getMessage(); // no position, or the parser already named it
    }
    return "line " + line() + (column() < 0 ? "" : ", column " + column()) + ": " + getMessage();
  }

  /** A Jena parser error handler that fails with this exception at the first error. */
  public static ErrorHandler errorHandler() {
    return THROWING;
  }
}
