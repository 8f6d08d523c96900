package io.github.pyhandlecache.runtime;

import java.util.Arrays;

/**
 * The {@link SlotTable} of {@link PyHandleCache}: slot 0 in fields, so that the one-slot cache hits
 * with the same loads as generated code, and further slots in an array that is never written after
 * construction.
 */
final class CacheTable extends SlotTable {
  final PyInterpreter tag0;
  final Object value0;

  /** Slots 1 and up: slot {@code k}'s tag at {@code 2(k - 1)}, its value at {@code 2(k - 1) + 1}. */
  private final Object[] rest;

  private CacheTable(PyInterpreter tag0, Object value0, Object[] rest) {
    this.tag0 = tag0;
    this.value0 = value0;
    this.rest = rest;
  }

  /** Returns a table of {@code slots} empty slots. */
  static CacheTable empty(int slots) {
    return new CacheTable(EMPTY, null, emptyRest(slots));
  }

  /** Returns a table with {@code tag} and {@code value} in slot 0 and {@code slots - 1} empty ones. */
  static CacheTable claim(int slots, PyInterpreter tag, Object value) {
    return new CacheTable(tag, value, emptyRest(slots));
  }

  /** Slots 1 and up of a table of {@code slots} slots, all empty. */
  private static Object[] emptyRest(int slots) {
    Object[] rest = new Object[2 * (slots - 1)];
    for (int tag = 0; tag < rest.length; tag += 2) {
      rest[tag] = EMPTY;
    }
    return rest;
  }

  /** Returns the value of the slot {@code interpreter} owns, or {@code fallback}. */
  Object valueOf(PyInterpreter interpreter, Object fallback) {
    if (tag0 == interpreter) {
      return value0;
    }
    for (int tag = 0; tag < rest.length; tag += 2) {
      if (rest[tag] == interpreter) {
        return rest[tag + 1];
      }
    }
    return fallback;
  }

  /** The hit on slots 1 and up: returns {@code miss} if {@code interpreter} owns none of them. */
  Object restValueOf(PyInterpreter interpreter, Object miss) {
    Object[] rest = this.rest;
    for (int tag = 0; tag < rest.length; tag += 2) {
      if (rest[tag] == interpreter) {
        return rest[tag + 1];
      }
    }
    return miss;
  }

  @Override
  protected int slotCount() {
    return 1 + rest.length / 2;
  }

  @Override
  protected PyInterpreter tag(int slot) {
    return slot == 0 ? tag0 : (PyInterpreter) rest[2 * (slot - 1)];
  }

  @Override
  protected CacheTable with(int slot, SlotTable source) {
    CacheTable from = (CacheTable) source;
    if (slot == 0) {
      return new CacheTable(from.tag0, from.value0, rest);
    }
    Object[] copy = Arrays.copyOf(rest, rest.length);
    copy[2 * (slot - 1)] = from.tag0;
    copy[2 * (slot - 1) + 1] = from.value0;
    return new CacheTable(tag0, value0, copy);
  }
}
