package io.github.pyhandlecache.runtime.internal;

import io.github.pyhandlecache.runtime.PyInterpreter;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * One object's slots of one cached accessor, written once ({@link AccessorSlots}). A generated
 * class declares one subclass per accessor, with values {@code value0, ...} typed exactly (a hit
 * reads them directly) and tags {@code tag1, ...}: slot 0's tag is here and the count is 1 unless
 * overridden, so that a 1-slot table declares neither (which javac compiles measurably faster).
 */
public abstract class SlotTable {
  private static final VarHandle TAG0 = fieldHandle(MethodHandles.lookup(), "tag0", Object.class);
  /** The tag of a slot nobody has claimed. Not null, so that no caller, null included, hits it. */
  protected static final Object EMPTY = new Marker("empty");
  /** The tag of a slot that can no longer be claimed in this table: it must be replaced. */
  static final Object ABANDONED = new Marker("abandoned");
  /** The object's registration with interpreters, carried to each new table. */
  volatile Registrations.HostRef registration; // racing first claims may each make one: all work
  @SuppressWarnings("unused") private Object tag0 = EMPTY; // through TAG0

  /** Returns the VarHandle of a field of {@code lookup}'s class, for its static initializer. */
  public static VarHandle fieldHandle(MethodHandles.Lookup lookup, String field, Class<?> type) {
    try {
      return lookup.findVarHandle(lookup.lookupClass(), field, type);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** A new table of the same class, every slot empty. */
  protected abstract SlotTable newTable();

  /** How many slots the table has, the same for every table of an accessor: 1 unless overridden. */
  protected int slotCount() {
    return 1;
  }

  /** Slot {@code slot}'s tag, by an acquire load; tables of more slots override it for theirs. */
  public Object tag(int slot) {
    return TAG0.getAcquire(this);
  }

  /** Sets slot {@code slot}'s tag to {@code tag} if it is {@code expected}, atomically. */
  protected boolean casTag(int slot, Object expected, Object tag) {
    return TAG0.compareAndSet(this, expected, tag);
  }

  /** Writes {@code claim}'s value into slot {@code slot}, where {@code claim} is pending. */
  protected abstract void fill(int slot, Claim claim);

  /** Copies slot {@code slot}'s value from {@code from} into this table, which is not shared. */
  protected abstract void copyValue(int slot, SlotTable from);

  /** Returns the slot that {@code interpreter} owns, or -1. */
  public final int slotOf(PyInterpreter interpreter) {
    for (int slot = 0; slot < slotCount(); slot++) {
      if (tag(slot) == interpreter) {
        return slot;
      }
    }
    return -1;
  }

  /** Makes every empty or pending slot {@link #ABANDONED}: the table never changes again. */
  final void seal() {
    for (int slot = 0; slot < slotCount(); slot++) {
      Object tag = tag(slot); // each failed CAS below saw it move on, which it does at most twice
      while ((tag == EMPTY || tag instanceof Claim) && !casTag(slot, tag, ABANDONED)) {
        tag = tag(slot);
      }
    }
  }

  @Override
  public String toString() {
    return Arrays.toString(IntStream.range(0, slotCount()).mapToObj(this::tag).toArray());
  }

  /** {@link #EMPTY} and {@link #ABANDONED}, named for {@code toString()}. */
  private record Marker(String name) {
    @Override
    public String toString() {
      return name;
    }
  }
}
