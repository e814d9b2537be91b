package network.baton.node.config;

/** A configuration problem, with a one-line message that says what to fix. */
public class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A problem described in one line. */
  public ConfigException(String message) {
    super(message);
  }
}
