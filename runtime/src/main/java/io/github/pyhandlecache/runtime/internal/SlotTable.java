package io.github.pyhandlecache.runtime.internal;

import io.github.pyhandlecache.runtime.PyInterpreter;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * One object's slots of one cached accessor, written once ({@link AccessorSlots}). A generated
 * class declares one subclass per accessor, with tags {@code tag0, tag1, ...} and values
 * {@code value0, value1, ...} typed exactly, so that a hit reads them directly.
 */
public abstract class SlotTable {
  /** The tag of a slot nobody has claimed. Not null, so that no caller, null included, hits it. */
  protected static final Object EMPTY = new Marker("empty");
  /** The tag of a slot that can no longer be claimed in this table: it must be replaced. */
  static final Object ABANDONED = new Marker("abandoned");
  /** The object's registration with interpreters, carried to each new table. */
  volatile Registrations.HostRef registration; // racing first claims may each make one: all work

  /** A new table of the same class, every slot empty. */
  protected abstract SlotTable newTable();

  /** How many slots the table has: the same for every table of an accessor. */
  protected abstract int slotCount();

  /** Slot {@code slot}'s tag, by an acquire load. */
  protected abstract Object tag(int slot);

  /** Sets slot {@code slot}'s tag to {@code tag} if it is {@code expected}, atomically. */
  protected abstract boolean casTag(int slot, Object expected, Object tag);

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
