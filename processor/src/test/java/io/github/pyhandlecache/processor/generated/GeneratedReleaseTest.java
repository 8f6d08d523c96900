package io.github.pyhandlecache.processor.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.pyhandlecache.runtime.PyInterpreter;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Release guarantee (README, "Guarantees") for generated classes: once {@code close()} has
 * returned, no slot of any accessor, of any value kind or form, holds the closed interpreter's
 * value, and the values are collectable; other interpreters keep theirs; and the cache never keeps
 * a host object alive.
 */
class GeneratedReleaseTest {
  private final PyInterpreter closing = PyInterpreter.create("closing");
  private final PyInterpreter staying = PyInterpreter.create("staying");

  @Test
  void closeReleasesEveryValueKindAndForm() throws IOException {
    TensorStats<Integer> stats = new PyHandleCached_TensorStats<>(List.of(2, 3));
    OperatorEntry entry = OperatorEntry.create("aten::add");
    Map<String, Object> ofStaying = callEverything(stats, entry, staying);
    List<WeakReference<Object>> ofClosing = new ArrayList<>();
    Map<String, Object> values = callEverything(stats, entry, closing);
    for (String fresh : List.of("strides", "load", "pythonOp", "pyObject")) {
      // Values the slow accessor allocates; boxed primitives, first() and dims() (List.copyOf of
      // an immutable list) may be shared.
      ofClosing.add(new WeakReference<>(values.get(fresh)));
    }
    values = null;
    int callsBefore = stats.calls.get();
    PyInterpreter.Scope closingScope = closing.enter(); // a scope may outlive its interpreter

    closing.close();

    for (String table : List.of("rank", "numel", "mean", "isEven", "code", "strides", "dims",
        "first", "load")) {
      String owners = owners(stats, table);
      assertFalse(owners.contains("closing"), table + "'s slots after close(): " + owners);
      assertTrue(owners.contains("staying"), table + "'s slots after close(): " + owners);
    }
    for (String table : List.of("pythonOp", "pyObject")) {
      assertFalse(owners(entry, table).contains("closing"), owners(entry, table));
    }
    for (WeakReference<Object> value : ofClosing) {
      assertCollected(value, "a value cached for the closed interpreter");
    }
    // Map.equals compares arrays and handles by identity, strings and lists by content.
    assertEquals(ofStaying, callEverything(stats, entry, staying), "the other interpreter's values");
    assertEquals(callsBefore, stats.calls.get(), "the other interpreter still hits");
    try (PyInterpreter.Scope enteredBeforeClose = closingScope) {
      callInScope(stats, entry, closing);
    }
    assertEquals(callsBefore + 9, stats.calls.get(), "the closed interpreter's calls miss");
  }

  @Test
  void aHostIsCollectableWhileItsInterpreterIsOpen() throws IOException {
    TensorStats<Integer> stats = new PyHandleCached_TensorStats<>(List.of(2, 3));
    callEverything(stats, OperatorEntry.create("aten::mul"), staying);
    WeakReference<Object> host = new WeakReference<>(stats);
    stats = null;
    assertCollected(host, "a host object whose interpreter is open");
    assertFalse(staying.isClosed());
  }

  /** Calls every accessor for {@code interpreter}; returns the values, boxed, by accessor. */
  private static Map<String, Object> callEverything(
      TensorStats<Integer> stats, OperatorEntry entry, PyInterpreter interpreter)
      throws IOException {
    try (PyInterpreter.Scope scope = interpreter.enter()) {
      return callInScope(stats, entry, interpreter);
    }
  }

  /** The same, inside a scope of {@code interpreter} that the caller entered. */
  private static Map<String, Object> callInScope(
      TensorStats<Integer> stats, OperatorEntry entry, PyInterpreter interpreter)
      throws IOException {
    return Map.ofEntries(
        Map.entry("rank", stats.rank()),
        Map.entry("numel", stats.numel(interpreter)),
        Map.entry("mean", stats.mean()),
        Map.entry("isEven", stats.isEven()),
        Map.entry("code", stats.code()),
        Map.entry("strides", stats.strides()),
        Map.entry("dims", stats.dims()),
        Map.entry("first", stats.first()),
        Map.entry("load", stats.load(interpreter)),
        Map.entry("pythonOp", entry.pythonOp(interpreter)),
        Map.entry("pyObject", entry.pyObject()));
  }

  /** The owners of an accessor's slots, as the runtime prints its table: {@code [..., empty]}. */
  private static String owners(Object host, String accessor) {
    try {
      Field table = host.getClass().getDeclaredField(accessor + "Table");
      table.setAccessible(true);
      return String.valueOf(table.get(host));
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static void assertCollected(WeakReference<?> reference, String what) {
    for (int attempt = 0; attempt < 50 && reference.get() != null; attempt++) {
      System.gc();
    }
    if (reference.get() != null) {
      fail(what + " is still reachable: " + reference.get());
    }
  }
}
