package network.baton.node.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Log levels for commands whose output is for people, not for an operator's log. */
final class CliLogs {
  private CliLogs() {}

  /** Warnings and errors only: INFO lines (store, keys, access log) would bury the output. */
  static void quiet() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logs) {
      logs.getLogger("network.baton").setLevel(Level.WARN);
      logs.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
    }
  }
}
