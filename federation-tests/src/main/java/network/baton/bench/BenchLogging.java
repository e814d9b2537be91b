package network.baton.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Quiets the node's per-request INFO lines (access log, "credential issued") while a benchmark
 * runs, so thousands of console lines neither bury the table nor weigh on the rates; restores the
 * levels on close. Does nothing when the SLF4J backend is not Logback.
 */
final class BenchLogging implements AutoCloseable {
  private static final List<String> PER_REQUEST =
      List.of("network.baton.node.access", "network.baton.credential.service.IssuanceService");

  private final Map<Logger, Level> previous = new LinkedHashMap<>();

  private BenchLogging() {}

  /** Sets the per-request loggers to WARN until closed. */
  static BenchLogging quiet() {
    BenchLogging logging = new BenchLogging();
    for (String name : PER_REQUEST) {
      if (LoggerFactory.getLogger(name) instanceof Logger logger) {
        logging.previous.put(logger, logger.getLevel());
        logger.setLevel(Level.WARN);
      }
    }
    return logging;
  }

  /** Restores the levels the loggers had. */
  @Override
  public void close() {
    previous.forEach(Logger::setLevel);
  }
}
