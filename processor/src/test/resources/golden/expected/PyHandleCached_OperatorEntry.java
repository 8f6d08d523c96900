package golden;

import io.github.pyhandlecache.runtime.PyInterpreter;
import io.github.pyhandlecache.runtime.internal.AccessorSlots;
import io.github.pyhandlecache.runtime.internal.Claim;
import io.github.pyhandlecache.runtime.internal.MissEvents;
import io.github.pyhandlecache.runtime.internal.SlotTable;
import io.github.pyhandlecache.runtime.internal.ThreadState;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import javax.annotation.processing.Generated;

/**
 * Caches the values of {@link OperatorEntry}'s accessors per interpreter, each in the members
 * named after it:
 * <ul>
 *   <li>{@code pythonOp(PyInterpreter)}, 1 slot: {@code pythonOpTable}, {@code PYTHON_OP_TABLE}, {@code PYTHON_OP_SLOTS}, {@code pythonOpMiss}, {@code PythonOpTable}
 *   <li>{@code schema()}, 1 slot: {@code schemaTable}, {@code SCHEMA_TABLE}, {@code SCHEMA_SLOTS}, {@code schemaMiss}, {@code SchemaTable}
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
final class PyHandleCached_OperatorEntry extends OperatorEntry {
  private static final VarHandle PYTHON_OP_TABLE;

  private static final AccessorSlots PYTHON_OP_SLOTS;

  private static final VarHandle SCHEMA_TABLE;

  private static final AccessorSlots SCHEMA_SLOTS;

  static {
    AccessorSlots.requireProtocol(6, "@VERSION@", PyHandleCached_OperatorEntry.class);
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      PYTHON_OP_TABLE = lookup.findVarHandle(PyHandleCached_OperatorEntry.class, "pythonOpTable",
          PythonOpTable.class);
      SCHEMA_TABLE = lookup.findVarHandle(PyHandleCached_OperatorEntry.class, "schemaTable",
          SchemaTable.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
    PYTHON_OP_SLOTS = AccessorSlots.of(PYTHON_OP_TABLE, new PythonOpTable(),
        "OperatorEntry.pythonOp(PyInterpreter)");
    SCHEMA_SLOTS = AccessorSlots.of(SCHEMA_TABLE, new SchemaTable(), "OperatorEntry.schema()");
  }

  @SuppressWarnings("unused")
  private transient PythonOpTable pythonOpTable;

  @SuppressWarnings("unused")
  private transient SchemaTable schemaTable;

  PyHandleCached_OperatorEntry(String name) {
    super(name);
    // Tables are allocated with the object, so that a hit reads memory next to it.
    PYTHON_OP_TABLE.compareAndSet((Object) this, (SlotTable) null, (SlotTable) new PythonOpTable());
    SCHEMA_TABLE.compareAndSet((Object) this, (SlotTable) null, (SlotTable) new SchemaTable());
  }

  @Override
  Object pythonOp(PyInterpreter interpreter) {
    // A hit: see AccessorSlots, Note [Memory ordering on interpreter tags].
    PythonOpTable table = (PythonOpTable) (Object) PYTHON_OP_TABLE.getAcquire((Object) this);
    if (table != null && table.tag(0) == interpreter) {
      return table.value0;
    }
    return pythonOpMiss(interpreter);
  }

  private Object pythonOpMiss(PyInterpreter interpreter) {
    MissEvents events = MissEvents.begin();
    Object computed = super.pythonOp(interpreter);
    // Read through the constant VarHandle, which inlines; the runtime's would not.
    PythonOpTable table = (PythonOpTable) (Object) PYTHON_OP_TABLE.getAcquire((Object) this);
    table = (PythonOpTable) PYTHON_OP_SLOTS.claim(this, table, interpreter, computed, 0, events);
    int slot = AccessorSlots.slotOf(table, interpreter);
    return slot >= 0 ? table.value0 : computed;
  }

  @Override
  Object schema() {
    // The thread's entered interpreter, read unchecked; else its lookup or null,
    // which no tag is: the miss method then asks current() and finds its slot.
    Object current = ThreadState.answer();
    // A hit: see AccessorSlots, Note [Memory ordering on interpreter tags].
    SchemaTable table = (SchemaTable) (Object) SCHEMA_TABLE.getAcquire((Object) this);
    if (table != null && table.tag(0) == current) {
      return table.value0;
    }
    return schemaMiss(PyInterpreter.current());
  }

  private Object schemaMiss(PyInterpreter interpreter) {
    SchemaTable table = (SchemaTable) (Object) SCHEMA_TABLE.getAcquire((Object) this);
    int owned = AccessorSlots.slotOf(table, interpreter);
    if (owned >= 0) {
      return table.value0;
    }
    MissEvents events = MissEvents.begin();
    Object computed = super.schema();
    // Read through the constant VarHandle, which inlines; the runtime's would not.
    table = (SchemaTable) (Object) SCHEMA_TABLE.getAcquire((Object) this);
    table = (SchemaTable) SCHEMA_SLOTS.claim(this, table, interpreter, computed, 0, events);
    int slot = AccessorSlots.slotOf(table, interpreter);
    return slot >= 0 ? table.value0 : computed;
  }

  /**
   * The slots of {@code pythonOp(PyInterpreter)}, each written once: see AccessorSlots.
   */
  private static final class PythonOpTable extends SlotTable {
    private Object value0;

    @Override
    protected PythonOpTable newTable() {
      return new PythonOpTable();
    }

    @Override
    protected void fill(int slot, Claim claim) {
      value0 = claim.reference();
    }

    @Override
    protected void copyValue(int slot, SlotTable from) {
      value0 = ((PythonOpTable) from).value0;
    }
  }

  /**
   * The slots of {@code schema()}, each written once: see AccessorSlots.
   */
  private static final class SchemaTable extends SlotTable {
    private Object value0;

    @Override
    protected SchemaTable newTable() {
      return new SchemaTable();
    }

    @Override
    protected void fill(int slot, Claim claim) {
      value0 = claim.reference();
    }

    @Override
    protected void copyValue(int slot, SlotTable from) {
      value0 = ((SchemaTable) from).value0;
    }
  }
}
