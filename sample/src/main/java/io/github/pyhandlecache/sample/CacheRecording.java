package io.github.pyhandlecache.sample;

import io.github.pyhandlecache.jfr.CacheEventSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Runs some calls under a JDK Flight Recorder recording of the cache's events and summarises it, as
 * a user would with {@code -XX:StartFlightRecording} and {@code pyhandlecache-jfr}. The recording
 * stays in {@code target/} ({@code sample.recordings}), not the home directory.
 */
final class CacheRecording {
  private static final Path DIRECTORY = Path.of(System.getProperty("sample.recordings", "target"));

  private CacheRecording() {}

  /** Records {@code calls} into {@code <name>.jfr} and returns its summary. */
  static CacheEventSummary of(String name, Runnable calls) {
    try {
      return CacheEventSummary.record(DIRECTORY.resolve(name + ".jfr"), calls);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
