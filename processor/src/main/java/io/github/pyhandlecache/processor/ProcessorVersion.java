package io.github.pyhandlecache.processor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this processor, as Maven wrote it into {@code version.properties}. Generated code
 * passes it to the runtime, so that a runtime of another version can say which two versions met.
 */
final class ProcessorVersion {
  private static final String VERSION = load();

  private ProcessorVersion() {}

  /** Returns the processor's Maven version, e.g. {@code 0.1.0}. */
  static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = ProcessorVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        throw new IllegalStateException("version.properties is missing from the processor jar");
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "");
      if (version.isEmpty() || version.contains("${")) {
        throw new IllegalStateException(
            "version.properties of the processor was not filtered by Maven: version=" + version);
      }
      return version;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
