package io.github.pyhandlecache.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.pyhandlecache.runtime.internal.Registered;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Release guarantee (README, "Guarantees") for {@link PyHandleCache}. */
class ReleaseTest {
  /** Collects garbage until {@code reference} is cleared, or fails. */
  static void assertCollected(WeakReference<?> reference, String what) {
    for (int attempt = 0; attempt < 50 && reference.get() != null; attempt++) {
      System.gc();
      byte[][] pressure = new byte[64][];
      for (int i = 0; i < pressure.length; i++) {
        pressure[i] = new byte[64 * 1024];
      }
    }
    if (reference.get() != null) {
      fail(what + " is still reachable");
    }
  }

  @Test
  void closeMakesEveryCachedValueUnreachable() {
    PyInterpreter closing = PyInterpreter.create("closing");
    PyInterpreter staying = PyInterpreter.create("staying");
    List<PyHandleCache<Object>> caches = new ArrayList<>();
    List<WeakReference<Object>> closingValues = new ArrayList<>();
    List<Object> stayingValues = new ArrayList<>();
    for (int slots = 1; slots <= 4; slots++) {
      PyHandleCache<Object> cache = new PyHandleCache<>(slots);
      caches.add(cache);
      stayingValues.add(cache.getOr(staying, Object::new));
      closingValues.add(new WeakReference<>(cache.getOr(closing, Object::new)));
    }

    closing.close();

    for (int i = 0; i < closingValues.size(); i++) {
      assertCollected(closingValues.get(i), "the closed interpreter's value in a cache of " + (i + 1));
    }
    for (int i = 0; i < caches.size(); i++) {
      int index = i;
      assertSame(
          stayingValues.get(i),
          caches.get(i).getOr(staying, () -> fail("the other interpreter's slot was touched")),
          "slots = " + (index + 1));
    }
  }

  @Test
  void closedInterpretersLaterCallsRunTheSlowAccessor() {
    PyInterpreter closing = PyInterpreter.create("closing");
    PyHandleCache<Object> cache = new PyHandleCache<>(2);
    Object cached = cache.getOr(closing, Object::new);
    closing.close();
    assertNotSame(cached, cache.getOr(closing, Object::new));
    assertEquals("PyHandleCache[empty, empty]", cache.toString());
  }

  @Test
  void theCacheDoesNotKeepItsHolderAlive() {
    PyInterpreter open = PyInterpreter.create("open");
    WeakReference<PyHandleCache<Object>> cache = new WeakReference<>(new PyHandleCache<>());
    WeakReference<Object> value = new WeakReference<>(cache.get().getOr(open, Object::new));
    assertCollected(cache, "a cache whose interpreter is open");
    assertCollected(value, "the value of a collected cache");
    assertTrue(Registered.count(open) <= 1);
  }

  @Test
  void registrationsOfCollectedHoldersAreDropped() {
    PyInterpreter open = PyInterpreter.create("open");
    PyHandleCache<Object> kept = new PyHandleCache<>();
    kept.getOr(open, Object::new);
    for (int round = 0; round < 20; round++) {
      for (int i = 0; i < 1_000; i++) {
        new PyHandleCache<>().getOr(open, Object::new);
      }
      System.gc();
    }
    assertTrue(
        Registered.count(open) < 2_000,
        "20,000 claims of collected caches left " + Registered.count(open) + " registrations");
    Object value = kept.getOr(open, Object::new);
    open.close();
    assertNotSame(value, kept.getOr(open, Object::new), "the live cache was still released");
  }
}
