package io.github.pyhandlecache.container;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Collectors;

/**
 * What Tomcat's web application class loader logs while it stops a web application: among others,
 * its SEVERE "created a ThreadLocal with key of type [...] but failed to remove it" for each thread
 * still holding a thread-local of the application. Kept here instead of printed; {@link #close()}
 * restores the logger.
 */
final class ClassLoaderLog extends Handler implements AutoCloseable {
  /** The logger Tomcat's JULI logs {@code WebappClassLoaderBase} to: java.util.logging, by name. */
  private static final String LOGGER = "org.apache.catalina.loader.WebappClassLoaderBase";

  // Held for as long as the capture lasts: java.util.logging keeps its loggers weakly.
  private final Logger logger = Logger.getLogger(LOGGER);
  private final Level previousLevel = logger.getLevel();
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();

  private ClassLoaderLog() {}

  static ClassLoaderLog capture() {
    ClassLoaderLog log = new ClassLoaderLog();
    log.logger.setLevel(Level.WARNING);
    log.logger.setUseParentHandlers(false);
    log.logger.addHandler(log);
    return log;
  }

  /** The messages logged at {@code level} exactly. */
  List<String> messages(Level level) {
    SimpleFormatter formatter = new SimpleFormatter();
    return records.stream()
        .filter(record -> record.getLevel().equals(level))
        .map(formatter::formatMessage)
        .collect(Collectors.toList());
  }

  @Override
  public void publish(LogRecord record) {
    records.add(record);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
    logger.setUseParentHandlers(true);
    logger.setLevel(previousLevel);
  }
}
