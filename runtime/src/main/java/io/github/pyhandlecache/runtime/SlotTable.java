package io.github.pyhandlecache.runtime;

/**
 * An immutable snapshot of one cached accessor's slots on one object: for each slot, a tag (the
 * interpreter that owns it) and a value. <strong>Support for generated code and {@link
 * PyHandleCache}; not an API.</strong> Its signatures may change in any release, together with the
 * processor that calls them.
 *
 * <p>A generated class declares one subclass per accessor, with the tags and typed values in final
 * fields {@code tag0, value0, tag1, value1, ...}, so that a hit reads them directly. Tables are
 * never changed: {@link AccessorSlots} replaces the whole table with one compare-and-set, which is
 * what makes the protocol safe against faults and its hit free of re-checks.
 */
public abstract class SlotTable {
  /**
   * The tag of an empty slot. No caller can hold it, so a hit never matches it, and a null
   * interpreter matches no slot either: tags are never null.
   */
  protected static final PyInterpreter EMPTY = PyInterpreter.empty();

  /** For subclasses. */
  protected SlotTable() {}

  /**
   * Returns how many slots this table has: the same for every table of an accessor.
   *
   * @return the number of slots
   */
  protected abstract int slotCount();

  /**
   * Returns the tag of slot {@code slot}: its owner, or {@link #EMPTY}. Never null.
   *
   * @param slot the index of the slot
   * @return the slot's owner, or {@link #EMPTY}
   */
  protected abstract PyInterpreter tag(int slot);

  /**
   * Returns a new table equal to this one except that slot {@code slot} holds the tag and value of
   * slot 0 of {@code source}, a table of the same class. Always a new object, even when nothing
   * changes: {@link AccessorSlots} relies on it.
   *
   * @param slot the index of the slot to replace
   * @param source a table of the same class, whose slot 0 is copied
   * @return the new table
   */
  protected abstract SlotTable with(int slot, SlotTable source);

  /** Returns the slot that {@code interpreter} owns, or -1. */
  final int slotOf(PyInterpreter interpreter) {
    for (int slot = 0; slot < slotCount(); slot++) {
      if (tag(slot) == interpreter) {
        return slot;
      }
    }
    return -1;
  }

  @Override
  public String toString() {
    StringBuilder owners = new StringBuilder("[");
    for (int slot = 0; slot < slotCount(); slot++) {
      PyInterpreter tag = tag(slot);
      owners.append(slot == 0 ? "" : ", ").append(tag == EMPTY ? "empty" : tag.toString());
    }
    return owners.append(']').toString();
  }
}
