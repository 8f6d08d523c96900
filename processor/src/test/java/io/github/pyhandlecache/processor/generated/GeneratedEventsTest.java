package io.github.pyhandlecache.processor.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pyhandlecache.runtime.PyInterpreter;
import io.github.pyhandlecache.jfr.CacheEventNames;
import io.github.pyhandlecache.jfr.CacheEventSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.AbstractList;
import java.util.List;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

/**
 * The SPEC's "Observability" for generated classes: each miss records its event, named after the
 * annotated method, and a hit records none.
 */
class GeneratedEventsTest {
  private static final List<String> EVENTS =
      List.of(
          CacheEventNames.CLAIM,
          CacheEventNames.RECLAIM,
          CacheEventNames.BYPASS,
          CacheEventNames.NO_INTERPRETER,
          CacheEventNames.RELEASE);
  private static final Duration SLOW = Duration.ofMillis(20);

  private final PyInterpreter a = PyInterpreter.create("a");
  private final PyInterpreter b = PyInterpreter.create("b");
  private final PyInterpreter c = PyInterpreter.create("c");

  /** Runs {@code action} with every event of the cache enabled; returns target/jfr/{@code name}. */
  private static Path record(String name, Runnable action) throws IOException {
    Path file = Path.of("target", "jfr", name + ".jfr");
    Files.createDirectories(file.getParent());
    try (Recording recording = new Recording()) {
      EVENTS.forEach(recording::enable);
      recording.start();
      action.run();
      recording.stop();
      recording.dump(file);
    }
    return file;
  }

  private static List<RecordedEvent> eventsOf(String name, Runnable action) throws IOException {
    return RecordingFile.readAllEvents(record(name, action)).stream()
        .filter(event -> EVENTS.contains(event.getEventType().getName()))
        .collect(Collectors.toList());
  }

  private static RecordedEvent only(List<RecordedEvent> events, String name) {
    assertEquals(1, events.size(), () -> "one event: " + events);
    assertEquals(name, events.get(0).getEventType().getName());
    return events.get(0);
  }

  private static void assertMiss(
      RecordedEvent event, String accessor, String interpreter, int slots) {
    assertEquals(accessor, event.getString("accessor"));
    assertEquals(interpreter, event.getString("interpreter"));
    assertEquals(slots, event.getInt("slots"));
  }

  /** Sizes whose first element takes {@link #SLOW} to get: a slow accessor for first(). */
  private static TensorStats<Integer> slowFirst() {
    return new PyHandleCached_TensorStats<>(
        new AbstractList<Integer>() {
          @Override
          public Integer get(int index) {
            try {
              Thread.sleep(SLOW.toMillis());
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return 1;
          }

          @Override
          public int size() {
            return 1;
          }
        });
  }

  private static void assertLastsTheSlowAccessor(RecordedEvent event) {
    assertTrue(
        event.getDuration().compareTo(SLOW) >= 0,
        () -> "lasts at least the slow accessor's " + SLOW + ": " + event.getDuration());
  }

  @Test
  void claimOfAnImplicitAccessorLastsItsSlowAccessor() throws IOException {
    TensorStats<Integer> stats = slowFirst();
    RecordedEvent claim;
    try (PyInterpreter.Scope scope = a.enter()) {
      claim = only(eventsOf("generated-claim", stats::first), CacheEventNames.CLAIM);
    }
    assertMiss(claim, "TensorStats.first()", "a", 1);
    assertLastsTheSlowAccessor(claim);
  }

  @Test
  void bypassOfAnExplicitAccessor() throws IOException {
    OperatorEntry entry = OperatorEntry.create("aten::add");
    entry.pythonOp(a);
    RecordedEvent bypass =
        only(eventsOf("generated-bypass", () -> entry.pythonOp(b)), CacheEventNames.BYPASS);
    assertMiss(bypass, "OperatorEntry.pythonOp(PyInterpreter)", "b", 1);
  }

  @Test
  void bypassLastsTheSlowAccessor() throws IOException {
    TensorStats<Integer> stats = slowFirst();
    try (PyInterpreter.Scope scope = a.enter()) {
      stats.first();
    }
    RecordedEvent bypass;
    try (PyInterpreter.Scope scope = b.enter()) {
      bypass = only(eventsOf("generated-slow-bypass", stats::first), CacheEventNames.BYPASS);
    }
    assertMiss(bypass, "TensorStats.first()", "b", 1);
    assertLastsTheSlowAccessor(bypass);
  }

  @Test
  void implicitAccessorOnAThreadWithoutInterpreter() throws IOException {
    OperatorEntry entry = OperatorEntry.create("aten::add");
    assertNull(PyInterpreter.current());
    RecordedEvent miss =
        only(eventsOf("generated-no-interpreter", entry::pyObject), CacheEventNames.NO_INTERPRETER);
    assertMiss(miss, "OperatorEntry.pyObject()", null, 1);
  }

  @Test
  void releaseCountsTheSlotsOfEveryGeneratedObject() throws IOException {
    List<TensorStats<Integer>> stats =
        List.of(
            new PyHandleCached_TensorStats<>(List.of(1)),
            new PyHandleCached_TensorStats<>(List.of(2)),
            slowFirst());
    stats.forEach(each -> each.numel(a));
    RecordedEvent release = only(eventsOf("generated-release", a::close), CacheEventNames.RELEASE);
    assertEquals("a", release.getString("interpreter"));
    assertEquals(3, release.getInt("released"));
  }

  @Test
  void hitsRecordNothing() throws IOException {
    OperatorEntry entry = OperatorEntry.create("aten::add");
    TensorStats<Integer> stats = new PyHandleCached_TensorStats<>(List.of(1));
    Handle explicit = entry.pythonOp(a);
    long numel = stats.numel(a);
    Handle implicit;
    try (PyInterpreter.Scope scope = a.enter()) {
      implicit = entry.pyObject();
    }
    List<RecordedEvent> events =
        eventsOf(
            "generated-hits",
            () -> {
              try (PyInterpreter.Scope scope = a.enter()) {
                for (int i = 0; i < 1_000; i++) {
                  assertSame(explicit, entry.pythonOp(a));
                  assertSame(implicit, entry.pyObject());
                  assertEquals(numel, stats.numel(a));
                }
              }
              stats.numel(b); // the one miss: proves the recording records
            });
    assertMiss(
        only(events, CacheEventNames.CLAIM), "TensorStats.numel(PyInterpreter)", "b", 2);
    assertEquals(List.of(1, 1), List.of(entry.explicitCalls.get(), entry.implicitCalls.get()));
  }

  @Test
  void summaryAdvisesMoreSlotsForAnAccessorThatInterpretersBypass() throws IOException {
    OperatorEntry entry = OperatorEntry.create("aten::add");
    Path recording =
        record(
            "generated-summary",
            () -> {
              for (PyInterpreter interpreter : List.of(a, b, c)) {
                for (int i = 0; i < 1_000; i++) {
                  entry.pythonOp(interpreter);
                }
              }
            });

    CacheEventSummary summary = CacheEventSummary.read(recording);

    assertEquals(1, summary.rows().size(), summary::format);
    assertEquals("OperatorEntry.pythonOp(PyInterpreter)", summary.rows().get(0).accessor());
    assertEquals(1, summary.rows().get(0).claims());
    assertEquals(2_000, summary.rows().get(0).bypasses());
    assertEquals(
        List.of(
            "OperatorEntry.pythonOp(PyInterpreter): raise slots (now 1): 2000 bypasses, 1 claim,"
                + " 3 interpreters"),
        summary.advice());
  }
}
