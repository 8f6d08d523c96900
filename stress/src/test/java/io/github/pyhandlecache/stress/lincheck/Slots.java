package io.github.pyhandlecache.stress.lincheck;

import io.github.pyhandlecache.runtime.PyInterpreter;
import io.github.pyhandlecache.runtime.internal.Claim;
import io.github.pyhandlecache.runtime.internal.SlotTable;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * A host's current slot table, read by reflection: each slot's tag (an interpreter, a pending
 * claim, {@code empty} or {@code abandoned}) and value. A tag is read before its value, as a hit
 * reads them, so a slot whose tag names an interpreter shows the value that claim published.
 */
final class Slots {
  private static final Method SLOT_COUNT = accessible(SlotTable.class, "slotCount");
  private static final Method TAG = accessible(SlotTable.class, "tag", int.class);
  private static final Method CLAIMANT = accessible(Claim.class, "claimant");

  private final Object[] tags;
  private final Object[] values;

  private Slots(SlotTable table) {
    int count = (int) invoke(SLOT_COUNT, table);
    tags = new Object[count];
    values = new Object[count];
    for (int slot = 0; slot < count; slot++) {
      tags[slot] = invoke(TAG, table, slot);
      values[slot] = value(table, slot);
    }
  }

  /** Slot {@code slot}'s value: {@code value(int)}, or a 1-slot table's field {@code value0}. */
  private static Object value(SlotTable table, int slot) {
    Class<?> type = table.getClass();
    try {
      try {
        Method value = type.getDeclaredMethod("value", int.class);
        value.setAccessible(true);
        return value.invoke(table, slot);
      } catch (NoSuchMethodException oneSlot) {
        Field value = type.getDeclaredField("value0");
        value.setAccessible(true);
        return value.get(table);
      }
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(type + " has neither value(int) nor value0", e);
    }
  }

  /** Reads the table of {@code host}: its one field of a {@link SlotTable} type. */
  static Slots of(Object host) {
    for (Class<?> type = host.getClass(); type != null; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (SlotTable.class.isAssignableFrom(field.getType())) {
          field.setAccessible(true);
          try {
            return new Slots((SlotTable) field.get(host));
          } catch (IllegalAccessException e) {
            throw new AssertionError(e);
          }
        }
      }
    }
    throw new AssertionError(host.getClass() + " has no slot table");
  }

  int count() {
    return tags.length;
  }

  Object tag(int slot) {
    return tags[slot];
  }

  Object value(int slot) {
    return values[slot];
  }

  /** The interpreter whose claim is pending in {@code slot}, or null. */
  PyInterpreter claimant(int slot) {
    return tags[slot] instanceof Claim ? (PyInterpreter) invoke(CLAIMANT, tags[slot]) : null;
  }

  /** Each slot's tag, and the value of an owned slot: {@code [PyInterpreter[i0]=i0#1, empty]}. */
  @Override
  public String toString() {
    StringBuilder shown = new StringBuilder("[");
    for (int slot = 0; slot < tags.length; slot++) {
      shown.append(slot == 0 ? "" : ", ").append(tags[slot]);
      if (values[slot] != null || tags[slot] instanceof PyInterpreter) {
        shown.append('=').append(values[slot]);
      }
    }
    return shown.append(']').toString();
  }

  private static Method accessible(Class<?> type, String name, Class<?>... parameters) {
    try {
      Method method = type.getDeclaredMethod(name, parameters);
      method.setAccessible(true);
      return method;
    } catch (NoSuchMethodException e) {
      throw new AssertionError(type + " has no method " + name, e);
    }
  }

  private static Object invoke(Method method, Object target, Object... arguments) {
    try {
      return method.invoke(target, arguments);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new AssertionError(e);
    }
  }
}
