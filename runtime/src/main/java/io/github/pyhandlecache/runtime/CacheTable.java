package io.github.pyhandlecache.runtime;

import io.github.pyhandlecache.runtime.internal.Claim;
import io.github.pyhandlecache.runtime.internal.SlotTable;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The {@link SlotTable} of {@link PyHandleCache}: slot 0 in fields, so that a one-slot cache hits
 * with the loads of generated code, and further slots in an array, tag at {@code 2(k - 1)} and
 * value at {@code 2(k - 1) + 1} for slot {@code k}.
 */
final class CacheTable extends SlotTable {
  private static final VarHandle TAG0;
  private static final VarHandle REST = MethodHandles.arrayElementVarHandle(Object[].class);

  static {
    try {
      TAG0 = MethodHandles.lookup().findVarHandle(CacheTable.class, "tag0", Object.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @SuppressWarnings("unused") // through TAG0
  private Object tag0 = EMPTY;
  Object value0;
  private final Object[] rest;

  CacheTable(int slots) {
    rest = slots == 1 ? null : new Object[2 * (slots - 1)];
    for (int tag = 0; rest != null && tag < rest.length; tag += 2) {
      rest[tag] = EMPTY;
    }
  }

  /** Slot 0's tag: what a hit compares first. */
  Object tag0() {
    return TAG0.getAcquire(this);
  }

  /** Returns the slot {@code interpreter} tries first (see AccessorSlots), 0 for one slot. */
  int preferredSlot(PyInterpreter interpreter) {
    return rest == null || interpreter == null ? 0 : interpreter.hashCode() % slotCount();
  }

  /** Returns the value of slot {@code slot}. */
  Object value(int slot) {
    return slot == 0 ? value0 : rest[2 * slot - 1];
  }

  @Override
  protected CacheTable newTable() {
    return new CacheTable(slotCount());
  }

  @Override
  protected int slotCount() {
    return rest == null ? 1 : 1 + rest.length / 2;
  }

  @Override
  protected Object tag(int slot) {
    return slot == 0 ? TAG0.getAcquire(this) : REST.getAcquire(rest, 2 * slot - 2);
  }

  @Override
  protected boolean casTag(int slot, Object expected, Object tag) {
    return slot == 0
        ? TAG0.compareAndSet(this, expected, tag)
        : REST.compareAndSet(rest, 2 * slot - 2, expected, tag);
  }

  @Override
  protected void fill(int slot, Claim claim) {
    if (slot == 0) {
      value0 = claim.reference();
    } else {
      rest[2 * slot - 1] = claim.reference();
    }
  }

  @Override
  protected void copyValue(int slot, SlotTable from) {
    if (slot == 0) {
      value0 = ((CacheTable) from).value0;
    } else {
      rest[2 * slot - 1] = ((CacheTable) from).rest[2 * slot - 1];
    }
  }
}
