package io.github.pyhandlecache.graalpy;

import static io.github.pyhandlecache.graalpy.GraalPyContexts.python;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pyhandlecache.graalpy.internal.CurrentContextLookup;
import io.github.pyhandlecache.runtime.PyInterpreter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The implicit form ({@link PyInterpreter#current()}) inside GraalPy contexts: Java called back
 * from Python, a Python thread, a context entered without a scope, Java threads in two contexts.
 * The section "The current interpreter" of {@link GraalPyInterpreter}'s Javadoc.
 */
class CurrentContextLookupTest {
  private static Engine engine;
  private static GraalPyInterpreter first;
  private static GraalPyInterpreter second;

  @BeforeAll
  static void startInterpreters() {
    engine = GraalPyContexts.newEngine();
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
}
