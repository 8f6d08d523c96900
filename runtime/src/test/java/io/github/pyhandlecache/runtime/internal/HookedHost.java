package io.github.pyhandlecache.runtime.internal;

import io.github.pyhandlecache.runtime.PyInterpreter;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Supplier;

/**
 * A host object with one accessor of two slots, called the way generated code calls the protocol,
 * on a table that runs a hook at chosen points: tests open a race window by running another
 * thread's step (a close, a claim) from inside it.
 */
public final class HookedHost {
  private static final VarHandle TABLE;
  static final AccessorSlots SLOTS;

  static {
    try {
      TABLE = MethodHandles.lookup().findVarHandle(HookedHost.class, "table", Table.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
    SLOTS = AccessorSlots.of(TABLE, new Table(), "HookedHost.op(PyInterpreter)");
  }

  /** Where a hook can run. */
  public enum Point {
    /** Right before a claim is placed in a slot: after its claimant was seen open. */
    BEFORE_PLACING,
    /** Right after a claim was placed in a slot, before anyone completes it. */
    AFTER_PLACING,
    /** Inside a completion, after it read that the claimant is open, before it publishes. */
    BEFORE_PUBLISHING,
    /** When a new table is made: by a release, or a claim that replaces the table. */
    NEW_TABLE,
  }

  private static Point hookPoint;
  private static Runnable hook;

  @SuppressWarnings("unused") // through TABLE
  private Table table = new Table();

  /** Runs {@code action} once, the next time the protocol reaches {@code point}. */
  public static void at(Point point, Runnable action) {
    hookPoint = point;
    hook = action;
  }

  private static void reached(Point point) {
    if (hookPoint == point) {
      Runnable run = hook;
      hookPoint = null;
      hook = null;
      run.run();
    }
  }

  /** The accessor, as generated code writes it. */
  public Object op(PyInterpreter interpreter, Supplier<Object> slowAccessor) {
    Table current = (Table) TABLE.getAcquire(this);
    int owned = AccessorSlots.slotOf(current, interpreter);
    if (owned >= 0) {
      return current.value(owned);
    }
    MissEvents events = MissEvents.begin();
    Object computed = slowAccessor.get();
    Table table = (Table) TABLE.getAcquire(this);
    Table claimed = (Table) SLOTS.claim(this, table, interpreter, computed, 0, events);
    int slot = AccessorSlots.slotOf(claimed, interpreter);
    return slot >= 0 ? claimed.value(slot) : computed;
  }

  /** The current table, as {@code toString()} shows it: {@code [a, empty]}. */
  public String slots() {
    return TABLE.getAcquire(this).toString();
  }

  /** Returns {@code interpreter}'s slot in the current table, or -1. */
  public int slotOf(PyInterpreter interpreter) {
    return ((Table) TABLE.getAcquire(this)).slotOf(interpreter);
  }

  /** Two slots, with hooks. */
  static final class Table extends SlotTable {
    private static final VarHandle TAGS = MethodHandles.arrayElementVarHandle(Object[].class);

    private final Object[] tags = {EMPTY, EMPTY};
    private final Object[] values = new Object[2];

    Object value(int slot) {
      return values[slot];
    }

    @Override
    protected Table newTable() {
      reached(Point.NEW_TABLE);
      return new Table();
    }

    @Override
    protected int slotCount() {
      return 2;
    }

    @Override
    public Object tag(int slot) {
      return TAGS.getAcquire(tags, slot);
    }

    @Override
    protected boolean casTag(int slot, Object expected, Object tag) {
      if (tag instanceof Claim) {
        reached(Point.BEFORE_PLACING);
      }
      boolean set = TAGS.compareAndSet(tags, slot, expected, tag);
      if (set && tag instanceof Claim) {
        reached(Point.AFTER_PLACING);
      }
      return set;
    }

    @Override
    protected void fill(int slot, Claim claim) {
      reached(Point.BEFORE_PUBLISHING);
      values[slot] = claim.reference();
    }

    @Override
    protected void copyValue(int slot, SlotTable from) {
      values[slot] = ((Table) from).values[slot];
    }
  }
}
