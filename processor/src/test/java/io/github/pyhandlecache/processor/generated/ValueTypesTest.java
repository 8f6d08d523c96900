package io.github.pyhandlecache.processor.generated;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.pyhandlecache.runtime.PyInterpreter;
import java.io.IOException;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Primitive, array, generic and type-variable values; several slots; checked exceptions. */
class ValueTypesTest {
  private final TensorStats<Integer> stats = new PyHandleCached_TensorStats<>(List.of(2, 3, 4));
  private final PyInterpreter a = PyInterpreter.create("a");
  private final PyInterpreter b = PyInterpreter.create("b");
  private final PyInterpreter c = PyInterpreter.create("c");
  private final PyInterpreter d = PyInterpreter.create("d");

  @Test
  void primitivesAreCachedPerInterpreter() {
    try (PyInterpreter.Scope scope = a.enter()) {
      int rank = stats.rank();
      double mean = stats.mean();
      boolean even = stats.isEven();
      char code = stats.code();
      assertEquals(rank, stats.rank());
      assertEquals(mean, stats.mean());
      assertEquals(even, stats.isEven());
      assertEquals(code, stats.code());
    }
    assertEquals(4, stats.calls.get());
  }

  @Test
  void primitiveFieldsStayPrimitive() throws NoSuchFieldException {
    assertEquals(int.class, valueField("RankTable", 0).getType());
    assertEquals(long.class, valueField("NumelTable", 1).getType());
    assertEquals(double.class, valueField("MeanTable", 0).getType());
    assertEquals(boolean.class, valueField("IsEvenTable", 0).getType());
    assertEquals(char.class, valueField("CodeTable", 0).getType());
    assertEquals(int[].class, valueField("StridesTable", 0).getType());
  }

  /** A value field of a nested table class of {@code PyHandleCached_TensorStats}. */
  private static Field valueField(String tableClass, int slot) throws NoSuchFieldException {
    for (Class<?> nested : PyHandleCached_TensorStats.class.getDeclaredClasses()) {
      if (nested.getSimpleName().equals(tableClass)) {
        return nested.getDeclaredField("value" + slot);
      }
    }
    throw new AssertionError("no nested class " + tableClass);
  }

  @Test
  void threeSlotsServeThreeInterpretersAndBypassTheFourth() {
    int ofA = rankIn(a);
    int ofB = rankIn(b);
    int ofC = rankIn(c);
    int ofD = rankIn(d);
    assertEquals(4, stats.calls.get());
    assertEquals(ofA, rankIn(a));
    assertEquals(ofB, rankIn(b));
    assertEquals(ofC, rankIn(c));
    assertEquals(4, stats.calls.get(), "a, b and c hit");
    assertNotEquals(ofD, rankIn(d), "d has no slot and computes again");
    assertEquals(5, stats.calls.get());
  }

  @Test
  void aClosedInterpretersSlotGoesToTheNextInterpreter() {
    rankIn(a);
    rankIn(b);
    rankIn(c);
    b.close();
    int ofD = rankIn(d);
    assertEquals(ofD, rankIn(d), "d reclaimed b's slot");
    assertEquals(4, stats.calls.get());
  }

  @Test
  void explicitPrimitiveWithTwoSlots() {
    long ofA = stats.numel(a);
    long ofB = stats.numel(b);
    assertEquals(ofA, stats.numel(a));
    assertEquals(ofB, stats.numel(b));
    assertNotEquals(ofA, ofB);
    assertEquals(2, stats.calls.get());
  }

  @Test
  void arraysGenericTypesAndTypeVariablesKeepTheirInstance() {
    try (PyInterpreter.Scope scope = a.enter()) {
      int[] strides = stats.strides();
      List<Integer> dims = stats.dims();
      Integer first = stats.first();
      assertSame(strides, stats.strides());
      assertSame(dims, stats.dims());
      assertSame(first, stats.first());
      assertArrayEquals(new int[] {1}, strides);
      assertEquals(List.of(2, 3, 4), dims);
    }
    assertEquals(3, stats.calls.get());
  }

  @Test
  void checkedExceptionPropagatesUnchanged() throws IOException {
    IOException failure = new IOException("disk");
    stats.failure = failure;
    assertSame(failure, assertThrows(IOException.class, () -> stats.load(a)));
    stats.failure = null;
    String loaded = stats.load(a);
    assertSame(loaded, stats.load(a));
    assertEquals(2, stats.calls.get());
  }

  @Test
  void slotFieldsArePrivateTransientAndHandlesPrivateStaticFinal() {
    for (Field field : PyHandleCached_TensorStats.class.getDeclaredFields()) {
      int modifiers = field.getModifiers();
      if (field.getType() == VarHandle.class) {
        assertEquals(
            Modifier.PRIVATE
                | Modifier.STATIC
                | Modifier.FINAL,
            modifiers,
            field.getName());
      } else if (!Modifier.isStatic(modifiers)) {
        assertEquals(
            Modifier.PRIVATE | Modifier.TRANSIENT,
            modifiers,
            field.getName());
      }
    }
  }

  private int rankIn(PyInterpreter interpreter) {
    try (PyInterpreter.Scope scope = interpreter.enter()) {
      return stats.rank();
    }
  }
}
