package io.github.pyhandlecache.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pyhandlecache.runtime.PyHandleCache;
import io.github.pyhandlecache.runtime.PyInterpreter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link CacheEventSummary}: its counts, its advice rule, and its command line. */
class CacheEventSummaryTest {
  private final PyInterpreter a = PyInterpreter.create("a");
  private final PyInterpreter b = PyInterpreter.create("b");
  private final PyInterpreter c = PyInterpreter.create("c");

  /** Records {@code calls} into target/jfr/{@code name}.jfr, and returns the file. */
  private static Path record(String name, Runnable calls) throws IOException {
    Path file = Path.of("target", "jfr", name + ".jfr");
    CacheEventSummary.record(file, calls);
    return file;
  }

  private static void call(PyHandleCache<Object> cache, PyInterpreter interpreter, int times) {
    for (int i = 0; i < times; i++) {
      cache.getOr(interpreter, Object::new);
    }
  }

  private static List<PyInterpreter> interpreters(int count) {
    List<PyInterpreter> interpreters = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      interpreters.add(PyInterpreter.create("i" + i));
    }
    return interpreters;
  }

  @Test
  void countsEachAccessorsMissesAndAdvisesMoreSlotsWhereBypassesDominate() throws IOException {
    PyHandleCache<Object> tooSmall = new PyHandleCache<>(1);
    PyHandleCache<Object> bigEnough = new PyHandleCache<>(3);
    Path recording =
        record(
            "summary-too-few-slots",
            () -> {
              for (PyInterpreter interpreter : List.of(a, b, c)) {
                call(tooSmall, interpreter, 1_000);
                call(bigEnough, interpreter, 1_000);
              }
              call(bigEnough, null, 7);
              a.close();
            });

    CacheEventSummary summary = CacheEventSummary.read(recording);

    assertEquals(2, summary.rows().size(), summary::format);
    AccessorRow small = summary.rows().get(0);
    assertEquals("PyHandleCache", small.accessor());
    assertEquals(1, small.slots());
    assertEquals(1, small.claims());
    assertEquals(0, small.reclaims());
    assertEquals(2_000, small.bypasses());
    assertEquals(0, small.withoutInterpreter());
    assertEquals(List.of("a", "b", "c"), small.interpreters());
    assertTrue(small.slowAccessorTime().compareTo(Duration.ZERO) > 0);
    AccessorRow big = summary.rows().get(1);
    assertEquals(
        List.of(3L, 0L, 0L, 7L),
        List.of(big.claims(), big.reclaims(), big.bypasses(), big.withoutInterpreter()));
    assertEquals(3, big.slots());
    assertEquals(10, big.misses());
    assertEquals(1, summary.closes());
    assertEquals(2, summary.releasedSlots());

    assertEquals(
        List.of("PyHandleCache: raise slots (now 1): 2000 bypasses, 1 claim, 3 interpreters"),
        summary.advice());
    String text = summary.format();
    assertTrue(text.contains("\n  PyHandleCache: raise slots (now 1): 2000 bypasses"), text);
    assertTrue(text.contains("close(): 1 call released 2 slots in "), text);
    String[] lines = text.split("\n");
    assertTrue(
        lines[0].matches("accessor +slots +claims +reclaims +bypasses +no interpreter .*"), text);
    assertTrue(lines[1].matches("PyHandleCache +1 +1 +0 +2000 +0 +[0-9.]+ +a, b, c"), text);
    assertEquals(
        lines[0].indexOf("bypasses") + "bypasses".length(),
        lines[1].indexOf("2000") + "2000".length(),
        "right-aligned under its header");
  }

  @Test
  void enoughSlotsDrawNoAdvice() throws IOException {
    PyHandleCache<Object> cache = new PyHandleCache<>(3);
    Path recording =
        record(
            "summary-enough-slots",
            () -> List.of(a, b, c).forEach(interpreter -> call(cache, interpreter, 1_000)));

    CacheEventSummary summary = CacheEventSummary.read(recording);

    assertEquals(3, summary.rows().get(0).claims());
    assertEquals(0, summary.rows().get(0).bypasses());
    assertEquals(List.of(), summary.advice());
    assertTrue(summary.format().contains("Advice: none"), summary::format);
  }

  @Test
  void adviceNeedsTheMinimumOfBypasses() throws IOException {
    PyHandleCache<Object> justBelow = new PyHandleCache<>(1);
    PyHandleCache<Object> atMinimum = new PyHandleCache<>(2);
    Path recording =
        record(
            "summary-minimum",
            () -> {
              call(justBelow, a, 1);
              call(justBelow, b, (int) CacheEventSummary.ADVICE_MINIMUM - 1);
              call(atMinimum, a, 1);
              call(atMinimum, b, 1);
              call(atMinimum, c, (int) CacheEventSummary.ADVICE_MINIMUM);
            });

    assertEquals(
        List.of("PyHandleCache: raise slots (now 2): 100 bypasses, 2 claims, 3 interpreters"),
        CacheEventSummary.read(recording).advice());
  }

  @Test
  void adviceAtTheMostSlotsAndWithoutInterpreter() throws IOException {
    PyHandleCache<Object> full = new PyHandleCache<>(16);
    List<PyInterpreter> seventeen = interpreters(17);
    Path recording =
        record(
            "summary-most-slots",
            () -> {
              seventeen.subList(0, 16).forEach(interpreter -> call(full, interpreter, 1));
              call(full, seventeen.get(16), 200);
              call(full, null, 100);
            });

    assertEquals(
        List.of(
            "PyHandleCache: slots is at its maximum (16): 200 bypasses, 16 claims, 17 interpreters;"
                + " fewer interpreters should share these objects",
            "PyHandleCache: 100 calls had no interpreter and cached nothing: enter an interpreter,"
                + " or pass one"),
        CacheEventSummary.read(recording).advice());
  }

  @Test
  void aRecordingWithoutTheCachesEventsSaysSo() throws IOException {
    Path recording = record("summary-empty", () -> {});
    CacheEventSummary summary = CacheEventSummary.read(recording);
    assertEquals(List.of(), summary.rows());
    assertTrue(summary.format().startsWith("No pyhandlecache events"), summary::format);
  }

  @Test
  void mainPrintsTheSummaryOfItsArgument() throws IOException {
    PyHandleCache<Object> cache = new PyHandleCache<>(1);
    Path recording = record("summary-main", () -> call(cache, a, 1));
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream out = System.out;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      CacheEventSummary.main(new String[] {recording.toString()});
    } finally {
      System.setOut(out);
    }
    assertEquals(
        CacheEventSummary.read(recording).format(), printed.toString(StandardCharsets.UTF_8));
  }
}
