package io.github.pyhandlecache.processor;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** This processor's Maven version, written into generated code for messages about version skew. */
final class ProcessorVersion {
  private static final String VERSION = load();

  private ProcessorVersion() {}

  static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = ProcessorVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "(unknown version)";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "(unknown version)");
    } catch (IOException e) {
      return "(unknown version)";
    }
  }
}
