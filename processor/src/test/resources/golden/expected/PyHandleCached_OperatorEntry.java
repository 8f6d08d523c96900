package golden;

import io.github.pyhandlecache.runtime.PyInterpreter;
import io.github.pyhandlecache.runtime.SlotTags;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import javax.annotation.processing.Generated;

/**
 * Caches the values of {@link OperatorEntry}'s accessor per interpreter:
 * {@code pythonOp(PyInterpreter)}.
 *
 * <p>Each slot is a tag, the interpreter that owns it, and a value. A hit is an acquire
 * load of the tag, a load of the value and a re-check of the tag; a miss runs the slow
 * accessor and may claim a slot. The protocol and its memory-ordering argument are in
 * {@link SlotTags}.
 */
@Generated("io.github.pyhandlecache.processor.PyHandleCacheProcessor")
final class PyHandleCached_OperatorEntry extends OperatorEntry {
  private static final VarHandle PYTHON_OP_TAG_0;

  private static final VarHandle PYTHON_OP_VALUE_0;

  private static final SlotTags PYTHON_OP_SLOTS;

  private static final VarHandle[] PYTHON_OP_VALUES;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      PYTHON_OP_TAG_0 = lookup.findVarHandle(PyHandleCached_OperatorEntry.class, "pythonOpTag0",
          PyInterpreter.class);
      PYTHON_OP_VALUE_0 = lookup.findVarHandle(PyHandleCached_OperatorEntry.class, "pythonOpValue0",
          Object.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
    PYTHON_OP_SLOTS = SlotTags.ofFields(PYTHON_OP_TAG_0);
    PYTHON_OP_VALUES = new VarHandle[] {PYTHON_OP_VALUE_0};
  }

  private transient PyInterpreter pythonOpTag0;

  private transient Object pythonOpValue0;

  PyHandleCached_OperatorEntry(String name) {
    super(name);
  }

  @Override
  Object pythonOp(PyInterpreter interpreter) {
    if (interpreter != null) {
      // A hit: see SlotTags, Note [Memory ordering on interpreter tags].
      if ((PyInterpreter) PYTHON_OP_TAG_0.getAcquire(this) == interpreter) {
        Object cached = PYTHON_OP_VALUE_0.getOpaque(this);
        VarHandle.acquireFence();
        if ((PyInterpreter) PYTHON_OP_TAG_0.getOpaque(this) == interpreter) {
          return cached;
        }
      }
    }
    return pythonOpMiss(interpreter);
  }

  private Object pythonOpMiss(PyInterpreter interpreter) {
    Object computed = super.pythonOp(interpreter);
    int slot = PYTHON_OP_SLOTS.claim(this, interpreter);
    if (slot != SlotTags.NO_SLOT) {
      // The value is released before the tag that publishes it.
      PYTHON_OP_VALUES[slot].setRelease(this, computed);
      PYTHON_OP_SLOTS.publish(this, slot, interpreter);
      return computed;
    }
    // Another thread of this interpreter may own a slot: its value is the one to return.
    int owned = PYTHON_OP_SLOTS.slotOwnedBy(this, interpreter);
    if (owned != SlotTags.NO_SLOT) {
      Object cached = PYTHON_OP_VALUES[owned].getOpaque(this);
      if (PYTHON_OP_SLOTS.isStillOwnedBy(this, owned, interpreter)) {
        return cached;
      }
    }
    return computed;
  }
}
