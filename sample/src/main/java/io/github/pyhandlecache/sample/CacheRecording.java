package io.github.pyhandlecache.sample;

import io.github.pyhandlecache.runtime.events.CacheEventNames;
import io.github.pyhandlecache.runtime.events.CacheEventSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import jdk.jfr.Recording;

/**
 * Runs some calls under a JDK Flight Recorder recording of the cache's events and summarises it, as
 * a user would with {@code -XX:StartFlightRecording} and {@code CacheEventSummary}. The recording
 * is written under {@code target/}, not the home directory.
 */
final class CacheRecording {
  private static final Path DIRECTORY = Path.of(System.getProperty("sample.recordings", "target"));

  private CacheRecording() {}

  static CacheEventSummary of(Runnable calls) {
    try (Recording recording = new Recording()) {
      for (String event : CacheEventNames.ALL) {
        recording.enable(event);
      }
      recording.start();
      calls.run();
      recording.stop();
      Files.createDirectories(DIRECTORY);
      Path file = Files.createTempFile(DIRECTORY, "pyhandlecache-", ".jfr");
      try {
        recording.dump(file);
        return CacheEventSummary.read(file);
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
