package io.github.pyhandlecache.graalpy;

import static io.github.pyhandlecache.graalpy.GraalPyContexts.python;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pyhandlecache.graalpy.internal.CurrentContextLookup;
import io.github.pyhandlecache.runtime.PyInterpreter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordingFile;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The implicit form ({@link PyInterpreter#current()}) inside GraalPy contexts: Java called back
 * from Python, a Python thread, a context entered without a scope, nested contexts, contexts closed
 * while entered, Java threads in two contexts; and what it costs a thread outside every context and
 * leaves behind on a thread. The section "The current interpreter" of {@link GraalPyInterpreter}'s
 * Javadoc.
 */
class CurrentContextLookupTest {
  private static Engine engine;
  private static GraalPyInterpreter first;
  private static GraalPyInterpreter second;

  @BeforeAll
  static void startInterpreters() {
    engine = GraalPyContexts.newEngine();
    // GraalPy starts a threading.Thread only if allowed: "Creating threads is not allowed" else.
    first = GraalPyInterpreter.create("first", python(engine).allowCreateThread(true));
    second = GraalPyInterpreter.create("second", python(engine));
  }

  @AfterAll
  static void closeInterpreters() {
    first.close();
    second.close();
    engine.close();
  }

  @Test
  void javaCalledBackFromPythonHitsTheCacheOfThatContextsInterpreter() {
    HostEntry entry = HostEntry.create();

    Value inFirst = callBackTwice(first, entry);
    assertEquals(1, entry.implicitLookups.get(), "one slow lookup for two callbacks");
    Value inSecond = callBackTwice(second, entry);
    assertEquals(2, entry.implicitLookups.get(), "one more for the other context");
    callBackTwice(first, entry);
    assertEquals(2, entry.implicitLookups.get(), "first's value is still cached");

    assertEquals(first.context(), inFirst.getContext());
    assertEquals(second.context(), inSecond.getContext());
    try (GraalPyInterpreter.Scope scope = first.enter()) {
      assertTrue(isSameInPython(first, inFirst, entry.pyObject()), "cached for first's interpreter");
      assertEquals(2, entry.implicitLookups.get());
    }
  }

  @Test
  void javaCalledBackFromAPythonThreadHitsTheCacheOfItsContext() {
    HostEntry entry = HostEntry.create();
    Value fromMainThread = callBackTwice(first, entry);

    first.context().getBindings("python").putMember("host", new HostEntry.PythonCallback(entry));
    Value fromPythonThread =
        first
            .context()
            .eval(
                "python",
                "import threading\n"
                    + "results = []\n"
                    + "thread = threading.Thread(target=lambda: results.append(host.pyObject()))\n"
                    + "thread.start()\n"
                    + "thread.join()\n"
                    + "results[0]");

    assertTrue(isSameInPython(first, fromMainThread, fromPythonThread));
    assertEquals(1, entry.implicitLookups.get());
  }

  @Test
  void aContextEnteredWithoutAScopeMakesItsInterpreterCurrent() {
    first.context().enter();
    try {
      assertSame(first.interpreter(), PyInterpreter.current());
    } finally {
      first.context().leave();
    }
    assertNull(PyInterpreter.current());
  }

  @Test
  void anUnboundContextHasNoInterpreter() {
    try (Context unbound = python(engine).build()) {
      unbound.enter();
      try {
        assertNull(PyInterpreter.current());
      } finally {
        unbound.leave();
      }
    }
  }

  @Test
  void nestedContextsMakeTheInnermostCurrentAndLeavingOneRestoresTheEnclosingOne() {
    first.context().enter();
    try {
      second.context().enter();
      try {
        assertSame(second.interpreter(), PyInterpreter.current());
        first.context().enter(); // first, second, first again
        try {
          assertSame(first.interpreter(), PyInterpreter.current());
        } finally {
          first.context().leave();
        }
        assertSame(second.interpreter(), PyInterpreter.current());
      } finally {
        second.context().leave();
      }
      assertSame(first.interpreter(), PyInterpreter.current(), "second left: first again");
      try (Context unbound = python(engine).build()) {
        unbound.enter();
        try {
          assertNull(PyInterpreter.current(), "an unbound context inside a bound one");
        } finally {
          unbound.leave();
        }
      }
      assertSame(first.interpreter(), PyInterpreter.current());
    } finally {
      first.context().leave();
    }
    assertNull(PyInterpreter.current());
  }

  @Test
  void pythonCallingIntoAnotherContextMakesItCurrentUntilItReturns() {
    CurrentProbe probe = new CurrentProbe(second.context());
    first.context().getBindings("python").putMember("probe", probe);
    second.context().getBindings("python").putMember("probe", probe);

    Value seen =
        first.context().eval("python", "(probe.current(), probe.currentInOther(), probe.current())");

    assertEquals("first", seen.getArrayElement(0).asString());
    assertEquals("second", seen.getArrayElement(1).asString());
    assertEquals("first", seen.getArrayElement(2).asString());
  }

  @Test
  void aContextClosedDirectlyWhileEnteredIsNoLongerCurrent() {
    GraalPyInterpreter python = GraalPyInterpreter.create("closed while entered", python(engine));
    python.context().enter();
    assertSame(python.interpreter(), PyInterpreter.current());

    python.context().close(); // allowed on the thread that entered it, which it leaves

    assertNull(PyInterpreter.current());
    python.close();
  }

  @Test
  void closingTheEngineOfAnEnteredContextLeavesNothingCurrent() throws Exception {
    List<String> kept =
        onNewThread(
            () -> {
              Engine ownEngine = GraalPyContexts.newEngine();
              GraalPyInterpreter python =
                  GraalPyInterpreter.create("engine closed", python(ownEngine));
              python.context().enter();
              assertSame(python.interpreter(), PyInterpreter.current());

              // Truffle leaves the contexts of this thread without telling listeners.
              ownEngine.close(true);

              assertNull(PyInterpreter.current());
              List<String> keptHere = ThreadLocalValues.projectObjectsOfCurrentThread();
              python.close(); // after: closing the context again leaves it, and tells listeners
              return keptHere;
            });
    assertEquals(List.of(), kept);
  }

  @Test
  void aThreadThatLeftEveryContextKeepsNothingOfTheModule() throws Exception {
    List<String> kept =
        onNewThread(
            () -> {
              first.context().enter();
              second.context().enter();
              assertSame(second.interpreter(), PyInterpreter.current());
              second.context().leave();
              first.context().leave();
              callBackTwice(first, HostEntry.create());
              try (GraalPyInterpreter.Scope scope = second.enter()) {
                assertSame(second.interpreter(), PyInterpreter.current());
              }
              GraalPyInterpreter.create("bound on this thread", python(engine)).close();
              assertNull(PyInterpreter.current());
              return ThreadLocalValues.projectObjectsOfCurrentThread();
            });
    assertEquals(List.of(), kept);
  }

  @Test
  void aThreadOutsideEveryContextFindsThatOutWithoutAnException() throws Exception {
    assertNull(PyInterpreter.current(), "while first and second are bound");
    Path file = Path.of("target", "jfr", "outside-every-context.jfr");
    Files.createDirectories(file.getParent());
    try (Recording recording = new Recording()) {
      recording.enable("jdk.JavaExceptionThrow").withStackTrace();
      recording.start();
      for (int i = 0; i < 100; i++) {
        assertNull(PyInterpreter.current());
      }
      recording.stop();
      recording.dump(file);
    }
    String thisThread = Thread.currentThread().getName();
    Map<String, Long> thrownByClass =
        RecordingFile.readAllEvents(file).stream()
            .filter(event -> event.getEventType().getName().equals("jdk.JavaExceptionThrow"))
            .filter(event -> event.getThread().getJavaName().equals(thisThread))
            .collect(
                Collectors.groupingBy(
                    event -> event.getClass("thrownClass").getName(), Collectors.counting()));
    assertEquals(Map.of(), thrownByClass);
  }

  @Test
  void twoThreadsInTwoContextsEachGetTheirOwnValueOnce() throws Exception {
    HostEntry entry = HostEntry.create();
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<List<Value>>> results = new ArrayList<>();
      for (GraalPyInterpreter python : new GraalPyInterpreter[] {first, second}) {
        results.add(
            threads.submit(
                () -> {
                  List<Value> values = new ArrayList<>();
                  try (GraalPyInterpreter.Scope scope = python.enter()) {
                    start.await();
                    for (int i = 0; i < 1_000; i++) {
                      values.add(entry.pyObject());
                    }
                  }
                  return values;
                }));
      }
      List<Value> ofFirst = results.get(0).get();
      List<Value> ofSecond = results.get(1).get();

      assertEquals(2, entry.implicitLookups.get());
      assertTrue(ofFirst.stream().allMatch(value -> value == ofFirst.get(0)));
      assertTrue(ofSecond.stream().allMatch(value -> value == ofSecond.get(0)));
      assertEquals(first.context(), ofFirst.get(0).getContext());
      assertEquals(second.context(), ofSecond.get(0).getContext());
      assertNotEquals(ofFirst.get(0).getContext(), ofSecond.get(0).getContext());
    } finally {
      threads.shutdown();
    }
  }

  @Test
  void outsideEveryContextNothingIsCurrent() {
    assertNull(new CurrentContextLookup().currentInterpreter());
    assertNull(PyInterpreter.current());
  }

  /**
   * Has Python call {@code entry.pyObject()} twice, with no scope entered on this thread, and
   * returns the first result after checking that Python sees the same object twice.
   */
  private static Value callBackTwice(GraalPyInterpreter python, HostEntry entry) {
    assertNull(PyInterpreter.current(), "no scope entered");
    python.context().getBindings("python").putMember("host", new HostEntry.PythonCallback(entry));
    Value pair = python.context().eval("python", "(host.pyObject(), host.pyObject())");
    Value firstCall = pair.getArrayElement(0);
    assertTrue(isSameInPython(python, firstCall, pair.getArrayElement(1)));
    return firstCall;
  }

  private static boolean isSameInPython(GraalPyInterpreter python, Value a, Value b) {
    return python.context().eval("python", "lambda a, b: a is b").execute(a, b).asBoolean();
  }

  /** Runs {@code action} on a thread of its own, whose thread-locals nothing else has touched. */
  private static <T> T onNewThread(Callable<T> action) throws Exception {
    FutureTask<T> task = new FutureTask<>(action);
    Thread thread = new Thread(task, "fresh thread");
    thread.start();
    thread.join();
    return task.get();
  }

  /** What Python code asks: the name of the current interpreter, here or in another context. */
  public static final class CurrentProbe {
    private final Context other;

    CurrentProbe(Context other) {
      this.other = other;
    }

    /**
     * Names the current interpreter.
     *
     * @return the name of {@link PyInterpreter#current()}, or "none"
     */
    @HostAccess.Export
    public String current() {
      PyInterpreter current = PyInterpreter.current();
      return current == null ? "none" : current.name();
    }

    /**
     * Has the other context's Python code call {@link #current()}, on this thread.
     *
     * @return what {@link #current()} says inside the other context
     */
    @HostAccess.Export
    public String currentInOther() {
      return other.eval("python", "probe.current()").asString();
    }
  }
}
