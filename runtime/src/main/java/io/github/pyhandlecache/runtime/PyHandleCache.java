package io.github.pyhandlecache.runtime;

import io.github.pyhandlecache.runtime.internal.AccessorSlots;
import io.github.pyhandlecache.runtime.internal.Claim;
import io.github.pyhandlecache.runtime.internal.MissEvents;
import io.github.pyhandlecache.runtime.internal.SlotTable;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A per-interpreter cache of one value, as a plain object: what a {@code @PyHandleCached} accessor
 * does, for code without the annotation processor; PyTorch's {@code c10::PyHandleCache}, made safe
 * without a GIL. Thread-safe. The value should be a handle the caller could always produce again:
 * with every slot owned by other interpreters, the slow accessor runs on every call.
 *
 * <pre>{@code
 * private final PyHandleCache<PyObject> pyObject = new PyHandleCache<>(4);
 *
 * PyObject pyObject(PyInterpreter interpreter) {
 *   return pyObject.getOr(interpreter, () -> wrapInPython(interpreter, this));
 * }
 * }</pre>
 *
 * @param <T> the type of the cached value
 */
public final class PyHandleCache<T> {
  private static final VarHandle TABLE =
      SlotTable.fieldHandle(MethodHandles.lookup(), "table", Table.class);
  private static final AccessorSlots[] SLOTS_BY_COUNT =
      new AccessorSlots[AccessorSlots.MAX_SLOTS + 1];

  static {
    for (int slots = 1; slots <= AccessorSlots.MAX_SLOTS; slots++) {
      SLOTS_BY_COUNT[slots] = AccessorSlots.of(TABLE, new Table(slots), "PyHandleCache");
    }
  }

  /** Replaced whole by {@link AccessorSlots}; see Note [Memory ordering on interpreter tags]. */
  @SuppressWarnings("unused") private Table table; // through TABLE

  /** Creates a cache with one slot, like PyTorch's. */
  public PyHandleCache() {
    this(1);
  }

  /**
   * Creates a cache that up to {@code slots} interpreters can own a slot of at once.
   *
   * @param slots the number of slots
   * @throws IllegalArgumentException if {@code slots} is not between 1 and 16
   */
  public PyHandleCache(int slots) {
    if (slots < 1 || slots > AccessorSlots.MAX_SLOTS) {
      throw new IllegalArgumentException(
          "slots must be between 1 and " + AccessorSlots.MAX_SLOTS + ", got " + slots);
    }
    TABLE.setRelease(this, new Table(slots)); // allocated with the cache, read with it
  }

  /**
   * {@return the value cached for {@code interpreter}, or the one {@code slowAccessor} computes},
   * by the call rules of {@code @PyHandleCached}; never a value computed for another.
   *
   * @param interpreter the calling interpreter, or null: then nothing is cached
   * @param slowAccessor computes the value on a miss; what it throws propagates, no slot changes
   * @throws NullPointerException if {@code slowAccessor} is null
   */
  public T getOr(PyInterpreter interpreter, Supplier<? extends T> slowAccessor) {
    Objects.requireNonNull(slowAccessor, "slowAccessor");
    Table table = (Table) TABLE.getAcquire(this); // hit: Note [Memory ordering on interpreter tags]
    int slots = table.slotCount();
    int slot = slots == 1 || interpreter == null ? 0 : interpreter.hashCode() % slots;
    return table.tag(slot) == interpreter
        ? cast(table.value(slot)) : getMiss(interpreter, slowAccessor);
  }

  private T getMiss(PyInterpreter interpreter, Supplier<? extends T> slowAccessor) {
    Table table = (Table) TABLE.getAcquire(this);
    int owned = AccessorSlots.slotOf(table, interpreter); // a slot that was not its preferred one
    if (owned >= 0) {
      return cast(table.value(owned));
    }
    AccessorSlots slots = SLOTS_BY_COUNT[table.slotCount()];
    MissEvents events = MissEvents.begin();
    T computed = slowAccessor.get();
    table = (Table) TABLE.getAcquire(this);
    table = (Table) slots.claim(this, table, interpreter, computed, 0, events);
    owned = AccessorSlots.slotOf(table, interpreter);
    return owned >= 0 ? cast(table.value(owned)) : computed;
  }

  @SuppressWarnings("unchecked") // only getMiss puts values in, and only values of type T
  private static <T> T cast(Object value) {
    return (T) value;
  }

  @Override
  public String toString() {
    return "PyHandleCache" + TABLE.getAcquire(this);
  }

  /** The slots in one array: slot {@code k}'s tag at {@code 2k}, its value at {@code 2k + 1}. */
  private static final class Table extends SlotTable {
    private static final VarHandle TAGS = MethodHandles.arrayElementVarHandle(Object[].class);
    private final Object[] slots;

    Table(int slots) {
      this.slots = new Object[2 * slots];
      Arrays.setAll(this.slots, i -> i % 2 == 0 ? EMPTY : null); // tags empty, values null
    }

    Object value(int slot) {
      return slots[2 * slot + 1];
    }

    @Override
    protected Table newTable() {
      return new Table(slotCount());
    }

    @Override
    protected int slotCount() {
      return slots.length / 2;
    }

    @Override
    public Object tag(int slot) {
      return TAGS.getAcquire(slots, 2 * slot);
    }

    @Override
    protected boolean casTag(int slot, Object expected, Object tag) {
      return TAGS.compareAndSet(slots, 2 * slot, expected, tag);
    }

    @Override
    protected void fill(int slot, Claim claim) {
      slots[2 * slot + 1] = claim.reference();
    }

    @Override
    protected void copyValue(int slot, SlotTable from) {
      slots[2 * slot + 1] = ((Table) from).slots[2 * slot + 1];
    }
  }
}
