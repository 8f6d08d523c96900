package golden;

import io.github.pyhandlecache.runtime.PyInterpreter;
import io.github.pyhandlecache.runtime.SlotTags;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Caches the values of {@link TensorShape}'s accessor per interpreter:
 * {@code rank()}.
 *
 * <p>Each slot is a tag, the interpreter that owns it, and a value. A hit is an acquire
 * load of the tag, a load of the value and a re-check of the tag; a miss runs the slow
 * accessor and may claim a slot. The protocol and its memory-ordering argument are in
 * {@link SlotTags}.
 */
@Generated("io.github.pyhandlecache.processor.PyHandleCacheProcessor")
final class PyHandleCached_TensorShape<D extends Number> extends TensorShape<D> {
  private static final VarHandle RANK_TAG_0;

  private static final VarHandle RANK_VALUE_0;

  private static final VarHandle RANK_TAG_1;

  private static final VarHandle RANK_VALUE_1;

  private static final VarHandle RANK_TAG_2;

  private static final VarHandle RANK_VALUE_2;

  private static final SlotTags RANK_SLOTS;

  private static final VarHandle[] RANK_VALUES;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      RANK_TAG_0 = lookup.findVarHandle(PyHandleCached_TensorShape.class, "rankTag0",
          PyInterpreter.class);
      RANK_VALUE_0 = lookup.findVarHandle(PyHandleCached_TensorShape.class, "rankValue0",
          int.class);
      RANK_TAG_1 = lookup.findVarHandle(PyHandleCached_TensorShape.class, "rankTag1",
          PyInterpreter.class);
      RANK_VALUE_1 = lookup.findVarHandle(PyHandleCached_TensorShape.class, "rankValue1",
          int.class);
      RANK_TAG_2 = lookup.findVarHandle(PyHandleCached_TensorShape.class, "rankTag2",
          PyInterpreter.class);
      RANK_VALUE_2 = lookup.findVarHandle(PyHandleCached_TensorShape.class, "rankValue2",
          int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
    RANK_SLOTS = SlotTags.ofFields(RANK_TAG_0, RANK_TAG_1, RANK_TAG_2);
    RANK_VALUES = new VarHandle[] {RANK_VALUE_0, RANK_VALUE_1, RANK_VALUE_2};
  }

  private transient PyInterpreter rankTag0;

  private transient int rankValue0;

  private transient PyInterpreter rankTag1;

  private transient int rankValue1;

  private transient PyInterpreter rankTag2;

  private transient int rankValue2;

  PyHandleCached_TensorShape(List<D> sizes) {
    super(sizes);
  }

  @Override
  public int rank() {
    PyInterpreter interpreter = PyInterpreter.current();
    if (interpreter != null) {
      // A hit: see SlotTags, Note [Memory ordering on interpreter tags].
      if ((PyInterpreter) RANK_TAG_0.getAcquire(this) == interpreter) {
        int cached = (int) RANK_VALUE_0.getOpaque(this);
        VarHandle.acquireFence();
        if ((PyInterpreter) RANK_TAG_0.getOpaque(this) == interpreter) {
          return cached;
        }
      }
      if ((PyInterpreter) RANK_TAG_1.getAcquire(this) == interpreter) {
        int cached = (int) RANK_VALUE_1.getOpaque(this);
        VarHandle.acquireFence();
        if ((PyInterpreter) RANK_TAG_1.getOpaque(this) == interpreter) {
          return cached;
        }
      }
      if ((PyInterpreter) RANK_TAG_2.getAcquire(this) == interpreter) {
        int cached = (int) RANK_VALUE_2.getOpaque(this);
        VarHandle.acquireFence();
        if ((PyInterpreter) RANK_TAG_2.getOpaque(this) == interpreter) {
          return cached;
        }
      }
    }
    return rankMiss(interpreter);
  }

  private int rankMiss(PyInterpreter interpreter) {
    int computed = super.rank();
    int slot = RANK_SLOTS.claim(this, interpreter);
    if (slot != SlotTags.NO_SLOT) {
      // The value is released before the tag that publishes it.
      RANK_VALUES[slot].setRelease(this, computed);
      RANK_SLOTS.publish(this, slot, interpreter);
      return computed;
    }
    // Another thread of this interpreter may own a slot: its value is the one to return.
    int owned = RANK_SLOTS.slotOwnedBy(this, interpreter);
    if (owned != SlotTags.NO_SLOT) {
      int cached = (int) RANK_VALUES[owned].getOpaque(this);
      if (RANK_SLOTS.isStillOwnedBy(this, owned, interpreter)) {
        return cached;
      }
    }
    return computed;
  }
}
