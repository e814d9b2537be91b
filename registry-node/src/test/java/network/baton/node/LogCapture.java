package network.baton.node;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Everything Logback's root logger is given while open (each logger's events at its configured
 * level, Vert.x's and Netty's included), for tests about what a node logs.
 */
public final class LogCapture implements AutoCloseable {

  private final Logger root;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  private LogCapture(Logger root) {
    this.root = root;
    appender.setName("test-capture");
    appender.start();
    root.addAppender(appender);
  }

  /** Starts capturing at the root logger. */
  public static LogCapture root() {
    return new LogCapture((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME));
  }

  /** The events so far, oldest first. */
  public List<ILoggingEvent> events() {
    // The appender adds under its own lock (AppenderBase.doAppend is synchronized).
    synchronized (appender) {
      return List.copyOf(appender.list);
    }
  }

  /** The events so far at this level. */
  public List<ILoggingEvent> at(Level level) {
    return events().stream().filter(e -> e.getLevel() == level).toList();
  }

  /** A readable line for an event: level, logger, message, and its exception's class if any. */
  public static String line(ILoggingEvent event) {
    return event.getLevel()
        + " "
        + event.getLoggerName()
        + " - "
        + event.getFormattedMessage()
        + (event.getThrowableProxy() == null
            ? ""
            : " [" + event.getThrowableProxy().getClassName() + "]");
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    appender.stop();
  }
}
