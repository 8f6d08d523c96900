package io.github.pyhandlecache.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/** Records what an action does with every event of the cache enabled, into target/jfr/. */
public final class CacheRecording {
  public static final String CLAIM = "io.github.pyhandlecache.Claim";
  public static final String RECLAIM = "io.github.pyhandlecache.Reclaim";
  public static final String BYPASS = "io.github.pyhandlecache.Bypass";
  public static final String NO_INTERPRETER = "io.github.pyhandlecache.NoInterpreter";
  public static final String RELEASE = "io.github.pyhandlecache.Release";

  /** Every event of the cache, by the names README's "Seeing what the cache does" gives. */
  public static final List<String> EVENTS =
      List.of(CLAIM, RECLAIM, BYPASS, NO_INTERPRETER, RELEASE);

  private CacheRecording() {}

  /** Runs {@code action} under a recording, dumps it to target/jfr/{@code name}.jfr, returns it. */
  public static Path record(String name, Runnable action) throws IOException {
    Path file = Path.of("target", "jfr", name + ".jfr");
    Files.createDirectories(file.getParent());
    try (Recording recording = new Recording()) {
      recording.setName(name);
      EVENTS.forEach(recording::enable);
      recording.start();
      action.run();
      recording.stop();
      recording.dump(file);
    }
    return file;
  }

  /** Returns the cache's events that {@code action} recorded, in the order they ended. */
  public static List<RecordedEvent> eventsOf(String name, Runnable action) throws IOException {
    return RecordingFile.readAllEvents(record(name, action)).stream()
        .filter(event -> EVENTS.contains(event.getEventType().getName()))
        .sorted((x, y) -> x.getEndTime().compareTo(y.getEndTime()))
        .collect(Collectors.toList());
  }
}
