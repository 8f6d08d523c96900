package io.github.pyhandlecache.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PyInterpreterTest {
  private final PyInterpreter main = PyInterpreter.create("main");
  private final PyInterpreter other = PyInterpreter.create("main");

  @Test
  void nameIsForDiagnosticsOnly() {
    assertEquals("main", main.name());
    assertNotSame(main, other);
    assertFalse(main.equals(other), "identity is the tag");
    assertEquals("PyInterpreter[main]", main.toString());
  }

  @Test
  void nullNameIsRejected() {
    NullPointerException thrown =
        assertThrows(NullPointerException.class, () -> PyInterpreter.create(null));
    assertEquals("name", thrown.getMessage());
  }

  @Test
  void currentIsTheInnermostEnteredInterpreter() {
    assertNull(PyInterpreter.current());
    try (PyInterpreter.Scope outer = main.enter()) {
      assertSame(main, PyInterpreter.current());
      try (PyInterpreter.Scope inner = other.enter()) {
        assertSame(other, PyInterpreter.current());
        try (PyInterpreter.Scope again = main.enter()) {
          assertSame(main, PyInterpreter.current());
        }
        assertSame(other, PyInterpreter.current());
      }
      assertSame(main, PyInterpreter.current());
    }
    assertNull(PyInterpreter.current());
  }

  @Test
  void closingAScopeTwiceIsHarmless() {
    PyInterpreter.Scope outer = main.enter();
    PyInterpreter.Scope inner = other.enter();
    inner.close();
    inner.close();
    assertSame(main, PyInterpreter.current());
    outer.close();
    outer.close();
    assertNull(PyInterpreter.current());
  }

  @Test
  void closingAScopeThatIsNotInnermostThrowsAndChangesNothing() {
    try (PyInterpreter.Scope outer = main.enter()) {
      try (PyInterpreter.Scope inner = other.enter()) {
        IllegalStateException thrown = assertThrows(IllegalStateException.class, outer::close);
        assertEquals(
            "scope of main is not the innermost: close the scope of main first",
            thrown.getMessage());
        assertSame(other, PyInterpreter.current());
      }
      assertSame(main, PyInterpreter.current(), "outer is still open");
    }
    assertNull(PyInterpreter.current());
  }

  @Test
  void closingAScopeOnAnotherThreadThrowsAndChangesNothing() throws InterruptedException {
    try (PyInterpreter.Scope scope = main.enter()) {
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      Thread closer = new Thread(() -> {
        try {
          scope.close();
        } catch (Throwable t) {
          thrown.set(t);
        }
      }, "closer");
      closer.start();
      closer.join();
      assertTrue(thrown.get() instanceof IllegalStateException, String.valueOf(thrown.get()));
      assertTrue(thrown.get().getMessage().contains("cannot be closed on thread closer"));
      assertSame(main, PyInterpreter.current());
    }
  }

  @Test
  void currentIsPerThread() throws InterruptedException {
    try (PyInterpreter.Scope scope = main.enter()) {
      AtomicReference<PyInterpreter> seen = new AtomicReference<>(main);
      Thread thread = new Thread(() -> seen.set(PyInterpreter.current()));
      thread.start();
      thread.join();
      assertNull(seen.get());
    }
  }

  @Test
  void closedInterpreterCannotBeEnteredButStaysCurrentInOpenScopes() {
    try (PyInterpreter.Scope scope = main.enter()) {
      main.close();
      main.close();
      assertTrue(main.isClosed());
      assertSame(main, PyInterpreter.current());
      assertEquals("PyInterpreter[main, closed]", main.toString());
    }
    IllegalStateException thrown = assertThrows(IllegalStateException.class, main::enter);
    assertEquals("cannot enter closed interpreter main", thrown.getMessage());
    assertNull(PyInterpreter.current());
  }

  @Test
  void threadsOfTheFactoryHaveTheirInterpreterCurrentAndNestScopes() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2, main.threadFactory());
    try {
      List<Object> seen = pool.submit(() -> {
        List<Object> inside = new ArrayList<>();
        inside.add(PyInterpreter.current());
        try (PyInterpreter.Scope scope = other.enter()) {
          inside.add(PyInterpreter.current());
        }
        inside.add(PyInterpreter.current());
        inside.add(Thread.currentThread().getName());
        return inside;
      }).get();
      assertSame(main, seen.get(0));
      assertSame(other, seen.get(1), "a scope entered on it nests");
      assertSame(main, seen.get(2));
      assertEquals("main-thread-1", seen.get(3));
    } finally {
      pool.shutdown();
      assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    }
    assertNull(PyInterpreter.current(), "other threads are not affected");
  }

  /**
   * Thread hygiene (README, "Guarantees", Nothing kept behind): reading current() and entering and
   * leaving scopes leave no value on the thread that refers to a class of the runtime, or to an
   * interpreter, once the outermost scope is closed: what a servlet container checks on undeploy.
   */
  @Test
  void aThreadWithNoOpenScopeHoldsNothingOfTheRuntime() throws Exception {
    AtomicReference<List<Object>> values = new AtomicReference<>();
    Thread thread = new Thread(() -> {
      PyInterpreter.current();
      try (PyInterpreter.Scope outer = main.enter(); PyInterpreter.Scope inner = other.enter()) {
        assertSame(other, PyInterpreter.current());
      }
      values.set(threadLocalValues(Thread.currentThread()));
    });
    thread.start();
    thread.join();

    for (Object value : values.get()) {
      String what = value == null ? "null" : value.getClass().getName();
      assertTrue(
          value == null
              || value instanceof Object[] && Arrays.stream((Object[]) value).allMatch(Objects::isNull)
              || value instanceof AtomicReference<?> holder && holder.get() == null,
          "a thread-local value is left: " + what);
    }
  }

  /** The values of {@code thread}'s thread-locals (surefire opens java.lang to this test). */
  private static List<Object> threadLocalValues(Thread thread) {
    List<Object> values = new ArrayList<>();
    try {
      Field threadLocals = Thread.class.getDeclaredField("threadLocals");
      threadLocals.setAccessible(true);
      Object map = threadLocals.get(thread);
      if (map == null) {
        return values;
      }
      Field table = map.getClass().getDeclaredField("table");
      table.setAccessible(true);
      for (Object entry : (Object[]) table.get(map)) {
        if (entry != null && ((WeakReference<?>) entry).get() instanceof ThreadLocal) {
          Field value = entry.getClass().getDeclaredField("value");
          value.setAccessible(true);
          values.add(value.get(entry));
        }
      }
      return values;
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
