package io.github.pyhandlecache.benchmarks.hosts;

import io.github.pyhandlecache.runtime.PyInterpreter;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The inline validated protocol ("direction 1") by hand, one slot only: {@code
 * operators.InlineValidatedOperator}'s 1-slot hit, instruction for instruction, on a host without
 * that class's 4-slot fields. An inline tag and value; a hit is {@code getAcquire} of the tag, a
 * compare, {@code getOpaque} of the value, an acquire fence and a second {@code getOpaque} of the
 * tag. Its miss fills the slot without the old claim protocol: safe only when one thread fills, as
 * the benchmarks' setup does. Benchmarks only.
 */
public final class InlineValidatedHost {
  private static final VarHandle TAG;
  private static final VarHandle VALUE;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      TAG = lookup.findVarHandle(InlineValidatedHost.class, "tag", PyInterpreter.class);
      VALUE = lookup.findVarHandle(InlineValidatedHost.class, "value", Object.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  final String name;
  private PyInterpreter tag;
  private Object value;

  public InlineValidatedHost(String name) {
    this.name = name;
  }

  public Object value(PyInterpreter interpreter) {
    if (interpreter != null) {
      if ((PyInterpreter) TAG.getAcquire(this) == interpreter) {
        Object cached = VALUE.getOpaque(this);
        VarHandle.acquireFence();
        if ((PyInterpreter) TAG.getOpaque(this) == interpreter) {
          return cached;
        }
      }
    }
    return valueMiss(interpreter);
  }

  /** Runs the slow accessor and fills an empty slot: the value released before the tag. */
  private Object valueMiss(PyInterpreter interpreter) {
    Object computed = name;
    if (interpreter != null && TAG.getAcquire(this) == null) {
      VALUE.setRelease(this, computed);
      TAG.setRelease(this, interpreter);
    }
    return computed;
  }
}
