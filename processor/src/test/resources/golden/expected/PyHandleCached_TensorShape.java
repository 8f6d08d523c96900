package golden;

import io.github.pyhandlecache.runtime.PyInterpreter;
import io.github.pyhandlecache.runtime.internal.AccessorSlots;
import io.github.pyhandlecache.runtime.internal.Claim;
import io.github.pyhandlecache.runtime.internal.MissEvents;
import io.github.pyhandlecache.runtime.internal.SlotTable;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Caches the values of {@link TensorShape}'s accessor per interpreter, each in the members
 * named after it:
 * <ul>
 *   <li>{@code rank()}, 3 slots: {@code rankTable}, {@code RANK_TABLE}, {@code RANK_SLOTS}, {@code rankMiss}, {@code RankTable}
 * </ul>
 *
 * <p>Each slot is a tag, the interpreter that owns it, and a value. An object holds
 * a table of each accessor's slots, allocated with it, whose slots are written once;
 * releasing a slot replaces the table whole. A hit is an acquire load of the table,
 * an acquire load of a tag and a compare; a miss runs the slow accessor and may claim
 * a slot. The protocol and its memory-ordering argument are in {@link AccessorSlots}.
 *
 * <p>VarHandle calls name only {@code Object} and {@code SlotTable}, not this file's
 * types: javac looks each call's signature up among all those it has seen, one by
 * one, so that signatures of every file's own would make a build of many classes
 * quadratic.
 */
@Generated("io.github.pyhandlecache.processor.PyHandleCacheProcessor")
final class PyHandleCached_TensorShape<D extends Number> extends TensorShape<D> {
  private static final VarHandle RANK_TABLE;

  private static final AccessorSlots RANK_SLOTS;

  static {
    AccessorSlots.requireProtocol(6, "@VERSION@", PyHandleCached_TensorShape.class);
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      RANK_TABLE = lookup.findVarHandle(PyHandleCached_TensorShape.class, "rankTable",
          RankTable.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
    RANK_SLOTS = AccessorSlots.of(RANK_TABLE, new RankTable(), "TensorShape.rank()");
  }

  @SuppressWarnings("unused")
  private transient RankTable rankTable;

  PyHandleCached_TensorShape(List<D> sizes) {
    super(sizes);
    // Tables are allocated with the object, so that a hit reads memory next to it.
    RANK_TABLE.compareAndSet((Object) this, (SlotTable) null, (SlotTable) new RankTable());
  }

  @Override
  public int rank() {
    PyInterpreter interpreter = PyInterpreter.current();
    // A hit: see AccessorSlots, Note [Memory ordering on interpreter tags].
    RankTable table = (RankTable) (Object) RANK_TABLE.getAcquire((Object) this);
    // An interpreter's slot is the one at its hashCode() modulo 3, unless that was
    // taken when it claimed: then the miss method finds it.
    if (table != null && interpreter != null) {
      switch (interpreter.hashCode() % 3) {
        case 0 -> {
          if (table.tag(0) == interpreter) {
            return table.value0;
          }
        }
        case 1 -> {
          if (table.tag(1) == interpreter) {
            return table.value1;
          }
        }
        default -> {
          if (table.tag(2) == interpreter) {
            return table.value2;
          }
        }
      }
    }
    return rankMiss(interpreter);
  }

  private int rankMiss(PyInterpreter interpreter) {
    RankTable table = (RankTable) (Object) RANK_TABLE.getAcquire((Object) this);
    int owned = AccessorSlots.slotOf(table, interpreter);
    if (owned >= 0) {
      return table.value(owned);
    }
    MissEvents events = MissEvents.begin();
    int computed = super.rank();
    // Read through the constant VarHandle, which inlines; the runtime's would not.
    table = (RankTable) (Object) RANK_TABLE.getAcquire((Object) this);
    table = (RankTable) RANK_SLOTS.claim(this, table, interpreter, null, computed, events);
    int slot = AccessorSlots.slotOf(table, interpreter);
    return slot >= 0 ? table.value(slot) : computed;
  }

  /**
   * The slots of {@code rank()}, each written once: see AccessorSlots.
   */
  @SuppressWarnings("unused")
  private static final class RankTable extends SlotTable {
    private static final VarHandle TAG1;

    private static final VarHandle TAG2;

    static {
      try {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        TAG1 = lookup.findVarHandle(RankTable.class, "tag1", Object.class);
        TAG2 = lookup.findVarHandle(RankTable.class, "tag2", Object.class);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    private Object tag1 = EMPTY;

    private Object tag2 = EMPTY;

    private int value0;

    private int value1;

    private int value2;

    @Override
    protected RankTable newTable() {
      return new RankTable();
    }

    @Override
    protected int slotCount() {
      return 3;
    }

    @Override
    public Object tag(int slot) {
      return switch (slot) {
        case 0 -> super.tag(0);
        case 1 -> TAG1.getAcquire((SlotTable) this);
        case 2 -> TAG2.getAcquire((SlotTable) this);
        default -> throw new IndexOutOfBoundsException(slot);
      };
    }

    @Override
    protected boolean casTag(int slot, Object expected, Object tag) {
      return switch (slot) {
        case 0 -> super.casTag(0, expected, tag);
        case 1 -> TAG1.compareAndSet((SlotTable) this, expected, tag);
        case 2 -> TAG2.compareAndSet((SlotTable) this, expected, tag);
        default -> throw new IndexOutOfBoundsException(slot);
      };
    }

    /**
     * Returns the value of slot {@code slot}.
     */
    int value(int slot) {
      return switch (slot) {
        case 0 -> value0;
        case 1 -> value1;
        case 2 -> value2;
        default -> throw new IndexOutOfBoundsException(slot);
      };
    }

    @Override
    protected void fill(int slot, Claim claim) {
      switch (slot) {
        case 0 -> value0 = (int) claim.bits();
        case 1 -> value1 = (int) claim.bits();
        case 2 -> value2 = (int) claim.bits();
        default -> throw new IndexOutOfBoundsException(slot);
      }
    }

    @Override
    protected void copyValue(int slot, SlotTable from) {
      switch (slot) {
        case 0 -> value0 = ((RankTable) from).value0;
        case 1 -> value1 = ((RankTable) from).value1;
        case 2 -> value2 = ((RankTable) from).value2;
        default -> throw new IndexOutOfBoundsException(slot);
      }
    }
  }
}
