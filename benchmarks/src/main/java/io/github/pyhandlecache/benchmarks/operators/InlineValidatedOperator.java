package io.github.pyhandlecache.benchmarks.operators;

import io.github.pyhandlecache.runtime.PyInterpreter;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The inline validated protocol's hit written by hand ("direction 1", the processor's before slot
 * tables): two inline fields per slot, a tag and a value, and a validated hit: {@code getAcquire}
 * of the tag, a compare, {@code getOpaque} of the value, an acquire fence and a second {@code
 * getOpaque} of the tag. One accessor with one slot and one with four, like {@link Operator}'s;
 * the registry walk uses {@code hosts.InlineValidatedHost}, the 1-slot hit on a host without the
 * 4-slot fields.
 *
 * <p>Only the hit is the old one. The miss here fills a slot without the old runtime's claim
 * protocol (its tags, marker and wait are gone from the runtime): it is safe only when one thread
 * fills the slots, as the benchmarks' setup does. Benchmarks only; never copy it.
 */
public final class InlineValidatedOperator {
  private static final VarHandle TAG_0;
  private static final VarHandle VALUE_0;
  private static final VarHandle[] SHARED_TAGS;
  private static final VarHandle[] SHARED_VALUES;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      TAG_0 = lookup.findVarHandle(InlineValidatedOperator.class, "tag0", PyInterpreter.class);
      VALUE_0 = lookup.findVarHandle(InlineValidatedOperator.class, "value0", PyObjectStub.class);
      SHARED_TAGS = new VarHandle[4];
      SHARED_VALUES = new VarHandle[4];
      for (int slot = 0; slot < 4; slot++) {
        SHARED_TAGS[slot] = lookup.findVarHandle(
            InlineValidatedOperator.class, "sharedTag" + slot, PyInterpreter.class);
        SHARED_VALUES[slot] = lookup.findVarHandle(
            InlineValidatedOperator.class, "sharedValue" + slot, PyObjectStub.class);
      }
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  // The hits below name these fields through constant VarHandles, as the generated code did.
  private static final VarHandle SHARED_TAG_0 = SHARED_TAGS[0];
  private static final VarHandle SHARED_TAG_1 = SHARED_TAGS[1];
  private static final VarHandle SHARED_TAG_2 = SHARED_TAGS[2];
  private static final VarHandle SHARED_TAG_3 = SHARED_TAGS[3];
  private static final VarHandle SHARED_VALUE_0 = SHARED_VALUES[0];
  private static final VarHandle SHARED_VALUE_1 = SHARED_VALUES[1];
  private static final VarHandle SHARED_VALUE_2 = SHARED_VALUES[2];
  private static final VarHandle SHARED_VALUE_3 = SHARED_VALUES[3];

  private final String name;
  private PyInterpreter tag0;
  private PyObjectStub value0;
  private PyInterpreter sharedTag0;
  private PyObjectStub sharedValue0;
  private PyInterpreter sharedTag1;
  private PyObjectStub sharedValue1;
  private PyInterpreter sharedTag2;
  private PyObjectStub sharedValue2;
  private PyInterpreter sharedTag3;
  private PyObjectStub sharedValue3;

  public InlineValidatedOperator(String name) {
    this.name = name;
  }

  /** One slot: the old generated hit, instruction for instruction. */
  public PyObjectStub pyObject(PyInterpreter interpreter) {
    if (interpreter != null) {
      if ((PyInterpreter) TAG_0.getAcquire(this) == interpreter) {
        PyObjectStub cached = (PyObjectStub) VALUE_0.getOpaque(this);
        VarHandle.acquireFence();
        if ((PyInterpreter) TAG_0.getOpaque(this) == interpreter) {
          return cached;
        }
      }
    }
    return fill(TAG_0, VALUE_0, interpreter);
  }

  /** Four slots, tried in order: the old generated hit for {@code slots = 4}. */
  public PyObjectStub sharedPyObject(PyInterpreter interpreter) {
    if (interpreter != null) {
      if ((PyInterpreter) SHARED_TAG_0.getAcquire(this) == interpreter) {
        PyObjectStub cached = (PyObjectStub) SHARED_VALUE_0.getOpaque(this);
        VarHandle.acquireFence();
        if ((PyInterpreter) SHARED_TAG_0.getOpaque(this) == interpreter) {
          return cached;
        }
      }
      if ((PyInterpreter) SHARED_TAG_1.getAcquire(this) == interpreter) {
        PyObjectStub cached = (PyObjectStub) SHARED_VALUE_1.getOpaque(this);
        VarHandle.acquireFence();
        if ((PyInterpreter) SHARED_TAG_1.getOpaque(this) == interpreter) {
          return cached;
        }
      }
      if ((PyInterpreter) SHARED_TAG_2.getAcquire(this) == interpreter) {
        PyObjectStub cached = (PyObjectStub) SHARED_VALUE_2.getOpaque(this);
        VarHandle.acquireFence();
        if ((PyInterpreter) SHARED_TAG_2.getOpaque(this) == interpreter) {
          return cached;
        }
      }
      if ((PyInterpreter) SHARED_TAG_3.getAcquire(this) == interpreter) {
        PyObjectStub cached = (PyObjectStub) SHARED_VALUE_3.getOpaque(this);
        VarHandle.acquireFence();
        if ((PyInterpreter) SHARED_TAG_3.getOpaque(this) == interpreter) {
          return cached;
        }
      }
    }
    for (int slot = 0; slot < 4; slot++) {
      if (SHARED_TAGS[slot].getAcquire(this) == null) {
        return fill(SHARED_TAGS[slot], SHARED_VALUES[slot], interpreter);
      }
    }
    return PyObjectStub.wrap(interpreter, name);
  }

  /** Runs the slow accessor and fills an empty slot: the value released before the tag. */
  private PyObjectStub fill(VarHandle tag, VarHandle value, PyInterpreter interpreter) {
    PyObjectStub computed = PyObjectStub.wrap(interpreter, name);
    if (interpreter != null && tag.getAcquire(this) == null) {
      value.setRelease(this, computed);
      tag.setRelease(this, interpreter);
    }
    return computed;
  }
}
