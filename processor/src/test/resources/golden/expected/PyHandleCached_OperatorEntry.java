package golden;

import io.github.pyhandlecache.runtime.AccessorSlots;
import io.github.pyhandlecache.runtime.MissEvents;
import io.github.pyhandlecache.runtime.PyInterpreter;
import io.github.pyhandlecache.runtime.SlotTable;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import javax.annotation.processing.Generated;

/**
 * Caches the values of {@link OperatorEntry}'s accessor per interpreter, each in the members
 * named after it:
 * <ul>
 *   <li>{@code pythonOp(PyInterpreter)}, 1 slot: {@code pythonOpTable}, {@code PYTHON_OP_SLOTS}, {@code pythonOpMiss}, {@code PythonOpTable}
 * </ul>
 *
 * <p>Each slot is a tag, the interpreter that owns it, and a value. An object holds
 * an immutable table of an accessor's slots, which a claim replaces whole. A hit is
 * an acquire load of the table and a compare of each tag; a miss runs the slow
 * accessor and may claim a slot. The protocol and its memory-ordering argument are in
 * {@link AccessorSlots}.
 */
@Generated("io.github.pyhandlecache.processor.PyHandleCacheProcessor")
final class PyHandleCached_OperatorEntry extends OperatorEntry {
  private static final VarHandle PYTHON_OP_TABLE;

  private static final AccessorSlots PYTHON_OP_SLOTS;

  static {
    AccessorSlots.requireProtocol(1, "@VERSION@", PyHandleCached_OperatorEntry.class);
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      PYTHON_OP_TABLE = lookup.findVarHandle(PyHandleCached_OperatorEntry.class, "pythonOpTable",
          PythonOpTable.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
    PYTHON_OP_SLOTS = AccessorSlots.of(PYTHON_OP_TABLE, new PythonOpTable(),
        "OperatorEntry.pythonOp(PyInterpreter)");
  }

  @SuppressWarnings("unused")
  private transient PythonOpTable pythonOpTable;

  PyHandleCached_OperatorEntry(String name) {
    super(name);
  }

  @Override
  Object pythonOp(PyInterpreter interpreter) {
    // A hit: see AccessorSlots, Note [Memory ordering on interpreter tags].
    PythonOpTable table = (PythonOpTable) PYTHON_OP_TABLE.getAcquire(this);
    if (table != null) {
      if (table.tag0 == interpreter) {
        return table.value0;
      }
    }
    return pythonOpMiss(interpreter);
  }

  private Object pythonOpMiss(PyInterpreter interpreter) {
    MissEvents events = PYTHON_OP_SLOTS.beginMiss();
    Object computed = super.pythonOp(interpreter);
    // Read through the constant VarHandle, which inlines; the runtime's would not.
    SlotTable current = (SlotTable) PYTHON_OP_TABLE.getAcquire(this);
    if (!PYTHON_OP_SLOTS.isClaimable(current, interpreter, events)) {
      return computed;
    }
    PythonOpTable claim = new PythonOpTable(interpreter, computed);
    return ((PythonOpTable) PYTHON_OP_SLOTS.claim(this, claim, events)).valueOf(interpreter, computed);
  }

  /**
   * The slots of {@code pythonOp(PyInterpreter)}: an immutable table that AccessorSlots replaces whole.
   */
  private static final class PythonOpTable extends SlotTable {
    final PyInterpreter tag0;

    final Object value0;

    /**
     * All slots empty.
     */
    PythonOpTable() {
      tag0 = EMPTY;
      value0 = null;
    }

    /**
     * Slot 0 claimed for {@code tag} with {@code value}, the others empty.
     */
    PythonOpTable(PyInterpreter tag, Object value) {
      tag0 = tag;
      value0 = value;
    }

    /**
     * {@code base} with slot {@code slot} taken from slot 0 of {@code source}.
     */
    private PythonOpTable(PythonOpTable base, int slot, PythonOpTable source) {
      tag0 = slot == 0 ? source.tag0 : base.tag0;
      value0 = slot == 0 ? source.value0 : base.value0;
    }

    /**
     * Returns the value of the slot {@code interpreter} owns, or {@code fallback}.
     */
    Object valueOf(PyInterpreter interpreter, Object fallback) {
      if (tag0 == interpreter) {
        return value0;
      }
      return fallback;
    }

    @Override
    protected int slotCount() {
      return 1;
    }

    @Override
    protected PyInterpreter tag(int slot) {
      return switch (slot) {
        case 0 -> tag0;
        default -> throw new IndexOutOfBoundsException(slot);
      };
    }

    @Override
    protected PythonOpTable with(int slot, SlotTable source) {
      return new PythonOpTable(this, slot, (PythonOpTable) source);
    }
  }
}
