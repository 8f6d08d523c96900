package io.github.pyhandlecache.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The numbered rules of the README's "What a call does", and {@link PyHandleCache#getOr}. */
class PyHandleCacheTest {
  private final PyInterpreter a = PyInterpreter.create("a");
  private final PyInterpreter b = PyInterpreter.create("b");
  private final PyInterpreter c = PyInterpreter.create("c");
  private final AtomicInteger calls = new AtomicInteger();

  /** A value that records the interpreter it was computed for. */
  private static final class Value {
    final PyInterpreter interpreter;

    Value(PyInterpreter interpreter) {
      this.interpreter = interpreter;
    }
  }

  private Supplier<Value> slowAccessorOf(PyInterpreter interpreter) {
    return () -> {
      calls.incrementAndGet();
      return new Value(interpreter);
    };
  }

  private Value get(PyHandleCache<Value> cache, PyInterpreter interpreter) {
    return cache.getOr(interpreter, slowAccessorOf(interpreter));
  }

  @Test
  void rule1NullInterpreterCachesNothing() {
    PyHandleCache<Value> cache = new PyHandleCache<>();
    assertNotSame(get(cache, null), get(cache, null));
    get(cache, a);
    assertEquals(3, calls.get());
    assertSame(get(cache, a), get(cache, a), "a claimed the empty slot");
  }

  @Test
  void rule2HitDoesNotCallTheSlowAccessor() {
    PyHandleCache<Value> cache = new PyHandleCache<>();
    Value first = get(cache, a);
    assertSame(first, get(cache, a));
    assertSame(first, cache.getOr(a, () -> { throw new AssertionError("called on a hit"); }));
    assertEquals(1, calls.get());
  }

  @Test
  void rule3OtherOpenInterpreterIsBypassed() {
    PyHandleCache<Value> cache = new PyHandleCache<>();
    Value ofA = get(cache, a);
    Value ofB = get(cache, b);
    assertSame(b, ofB.interpreter);
    assertNotSame(ofB, get(cache, b));
    assertSame(ofA, get(cache, a));
    assertEquals(3, calls.get());
  }

  @Test
  void rule3ClosedOwnersSlotIsReclaimedAndClosedNeverClaims() {
    PyHandleCache<Value> cache = new PyHandleCache<>(2);
    Value ofA = get(cache, a);
    get(cache, b);
    a.close();
    Value ofC = get(cache, c);
    assertSame(ofC, get(cache, c), "c reclaimed a's slot");
    Value ofClosedA = get(cache, a);
    assertSame(a, ofClosedA.interpreter);
    assertNotSame(ofA, ofClosedA);
    assertNotSame(ofClosedA, get(cache, a), "a closed: no new claim");
  }

  @Test
  void rule4ExceptionPropagatesAndNoSlotChanges() {
    PyHandleCache<Value> cache = new PyHandleCache<>();
    IllegalStateException failure = new IllegalStateException("boom");
    assertSame(
        failure,
        assertThrows(IllegalStateException.class, () -> cache.getOr(a, () -> { throw failure; })));
    Value ofB = get(cache, b);
    assertSame(ofB, get(cache, b), "the slot was still empty");
  }

  @Test
  void rule5NullIsCached() {
    PyHandleCache<Value> cache = new PyHandleCache<>();
    assertNull(cache.getOr(a, () -> { calls.incrementAndGet(); return null; }));
    assertNull(cache.getOr(a, () -> { calls.incrementAndGet(); return null; }));
    assertEquals(1, calls.get());
  }

  @Test
  void oneInterpreterOwnsAtMostOneSlot() {
    PyHandleCache<Value> cache = new PyHandleCache<>(3);
    Value ofA = get(cache, a);
    assertSame(ofA, get(cache, a));
    get(cache, b);
    get(cache, c);
    assertEquals(3, calls.get(), "a, b and c each own one of the three slots");
    PyInterpreter d = PyInterpreter.create("d");
    assertNotSame(get(cache, d), get(cache, d), "no slot left for d");
  }

  @Test
  void badArgumentsAreRejected() {
    assertEquals(
        "slots must be between 1 and 16, got 0",
        assertThrows(IllegalArgumentException.class, () -> new PyHandleCache<>(0)).getMessage());
    assertEquals(
        "slots must be between 1 and 16, got 17",
        assertThrows(IllegalArgumentException.class, () -> new PyHandleCache<>(17)).getMessage());
    PyHandleCache<Value> cache = new PyHandleCache<>(16);
    assertEquals(
        "slowAccessor",
        assertThrows(NullPointerException.class, () -> cache.getOr(a, null)).getMessage());
  }

  @Test
  void toStringShowsTheOwners() {
    PyHandleCache<Value> cache = new PyHandleCache<>(2);
    get(cache, a);
    assertEquals(
        a.hashCode() % 2 == 0
            ? "PyHandleCache[PyInterpreter[a], empty]"
            : "PyHandleCache[empty, PyInterpreter[a]]",
        cache.toString(),
        "a claims the slot at its hashCode() modulo the slot count");
  }

  @Test
  void interpretersCreatedInARowClaimSlotsOfTheirOwn() {
    PyInterpreter[] interpreters = new PyInterpreter[4];
    for (int i = 0; i < interpreters.length; i++) {
      interpreters[i] = PyInterpreter.create("i" + i);
    }
    PyHandleCache<Value> cache = new PyHandleCache<>(4);
    for (int i = interpreters.length - 1; i >= 0; i--) {
      get(cache, interpreters[i]);
    }
    String[] owners = new String[4];
    for (PyInterpreter interpreter : interpreters) {
      owners[interpreter.hashCode() % 4] = interpreter.toString(); // distinct: consecutive numbers
    }
    assertEquals("PyHandleCache[" + String.join(", ", owners) + "]", cache.toString());
  }

  @Test
  void racingThreadsOfOneInterpreterGetOneValue() throws InterruptedException {
    for (int trial = 0; trial < 200; trial++) {
      PyHandleCache<Value> cache = new PyHandleCache<>(2);
      Queue<Value> results = new ConcurrentLinkedQueue<>();
      CountDownLatch start = new CountDownLatch(1);
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        Thread thread = new Thread(() -> {
          try {
            start.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          results.add(get(cache, a));
        });
        thread.start();
        threads.add(thread);
      }
      start.countDown();
      for (Thread thread : threads) {
        thread.join();
      }
      Value owned = get(cache, a);
      for (Value result : results) {
        assertSame(owned, result, "trial " + trial);
      }
    }
  }
}
