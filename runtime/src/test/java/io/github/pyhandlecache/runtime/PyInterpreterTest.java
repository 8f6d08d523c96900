package io.github.pyhandlecache.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
