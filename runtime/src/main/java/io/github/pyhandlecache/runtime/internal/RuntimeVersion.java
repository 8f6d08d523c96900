package io.github.pyhandlecache.runtime.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** This runtime's Maven version, for messages about version skew. */
final class RuntimeVersion {
  private static final String VERSION = load();

  private RuntimeVersion() {}

  static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = RuntimeVersion.class.getResourceAsStream("version.properties")) {
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
