package golden;

import io.github.pyhandlecache.runtime.AccessorSlots;
import io.github.pyhandlecache.runtime.MissEvents;
import io.github.pyhandlecache.runtime.PyInterpreter;
import io.github.pyhandlecache.runtime.SlotTable;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Caches the values of {@link TensorShape}'s accessor per interpreter, each in the members
 * named after it:
 * <ul>
 *   <li>{@code rank()}, 3 slots: {@code rankTable}, {@code RANK_SLOTS}, {@code rankMiss}, {@code RankTable}
 * </ul>
 *
 * <p>Each slot is a tag, the interpreter that owns it, and a value. An object holds
 * an immutable table of an accessor's slots, which a claim replaces whole. A hit is
 * an acquire load of the table and a compare of each tag; a miss runs the slow
 * accessor and may claim a slot. The protocol and its memory-ordering argument are in
 * {@link AccessorSlots}.
 */
@Generated("io.github.pyhandlecache.processor.PyHandleCacheProcessor")
final class PyHandleCached_TensorShape<D extends Number> extends TensorShape<D> {
  private static final VarHandle RANK_TABLE;

  private static final AccessorSlots RANK_SLOTS;

  static {
    AccessorSlots.requireProtocol(1, "@VERSION@", PyHandleCached_TensorShape.class);
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
  }

  @Override
  public int rank() {
    PyInterpreter interpreter = PyInterpreter.current();
    // A hit: see AccessorSlots, Note [Memory ordering on interpreter tags].
    RankTable table = (RankTable) RANK_TABLE.getAcquire(this);
    if (table != null) {
      if (table.tag0 == interpreter) {
        return table.value0;
      }
      if (table.tag1 == interpreter) {
        return table.value1;
      }
      if (table.tag2 == interpreter) {
        return table.value2;
      }
    }
    return rankMiss(interpreter);
  }

  private int rankMiss(PyInterpreter interpreter) {
    MissEvents events = RANK_SLOTS.beginMiss();
    int computed = super.rank();
    // Read through the constant VarHandle, which inlines; the runtime's would not.
    SlotTable current = (SlotTable) RANK_TABLE.getAcquire(this);
    if (!RANK_SLOTS.isClaimable(current, interpreter, events)) {
      return computed;
    }
    RankTable claim = new RankTable(interpreter, computed);
    return ((RankTable) RANK_SLOTS.claim(this, claim, events)).valueOf(interpreter, computed);
  }

  /**
   * The slots of {@code rank()}: an immutable table that AccessorSlots replaces whole.
   */
  private static final class RankTable extends SlotTable {
    final PyInterpreter tag0;

    final int value0;

    final PyInterpreter tag1;

    final int value1;

    final PyInterpreter tag2;

    final int value2;

    /**
     * All slots empty.
     */
    RankTable() {
      tag0 = EMPTY;
      value0 = 0;
      tag1 = EMPTY;
      value1 = 0;
      tag2 = EMPTY;
      value2 = 0;
    }

    /**
     * Slot 0 claimed for {@code tag} with {@code value}, the others empty.
     */
    RankTable(PyInterpreter tag, int value) {
      tag0 = tag;
      value0 = value;
      tag1 = EMPTY;
      value1 = 0;
      tag2 = EMPTY;
      value2 = 0;
    }

    /**
     * {@code base} with slot {@code slot} taken from slot 0 of {@code source}.
     */
    private RankTable(RankTable base, int slot, RankTable source) {
      tag0 = slot == 0 ? source.tag0 : base.tag0;
      value0 = slot == 0 ? source.value0 : base.value0;
      tag1 = slot == 1 ? source.tag0 : base.tag1;
      value1 = slot == 1 ? source.value0 : base.value1;
      tag2 = slot == 2 ? source.tag0 : base.tag2;
      value2 = slot == 2 ? source.value0 : base.value2;
    }

    /**
     * Returns the value of the slot {@code interpreter} owns, or {@code fallback}.
     */
    int valueOf(PyInterpreter interpreter, int fallback) {
      if (tag0 == interpreter) {
        return value0;
      }
      if (tag1 == interpreter) {
        return value1;
      }
      if (tag2 == interpreter) {
        return value2;
      }
      return fallback;
    }

    @Override
    protected int slotCount() {
      return 3;
    }

    @Override
    protected PyInterpreter tag(int slot) {
      return switch (slot) {
        case 0 -> tag0;
        case 1 -> tag1;
        case 2 -> tag2;
        default -> throw new IndexOutOfBoundsException(slot);
      };
    }

    @Override
    protected RankTable with(int slot, SlotTable source) {
      return new RankTable(this, slot, (RankTable) source);
    }
  }
}
