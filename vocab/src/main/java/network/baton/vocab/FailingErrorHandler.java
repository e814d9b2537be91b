package network.baton.vocab;

import org.apache.jena.riot.system.ErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns Jena parse errors into {@link JsonLdInputException} with the position; logs warnings. */
final class FailingErrorHandler implements ErrorHandler {

  private static final Logger log = LoggerFactory.getLogger(ContextLoader.class);

  @Override
  public void warning(String message, long line, long col) {
    log.debug("JSON-LD warning [line: {}, column: {}, message: {}]", line, col, message);
  }

  @Override
  public void error(String message, long line, long col) {
    throw new JsonLdInputException(position(line, col) + message, line, col, null);
  }

  @Override
  public void fatal(String message, long line, long col) {
    error(message, line, col);
  }

  private static String position(long line, long col) {
    return line > 0 ? "line " + line + ", column " + col + ": " : "";
  }
}
