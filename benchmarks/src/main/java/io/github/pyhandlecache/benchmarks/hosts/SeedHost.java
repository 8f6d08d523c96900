package io.github.pyhandlecache.benchmarks.hosts;

import io.github.pyhandlecache.runtime.PyInterpreter;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The seed's protocol by hand, PyTorch's {@code PyHandleCache::ptr_or}, as {@code
 * operators.SeedProtocolOperator} has it: an inline tag and value; a hit is an acquire load of the
 * tag, a compare, a plain load of the value; a claim CASes the tag from null, then writes the
 * value. <strong>Racy without a GIL</strong> (the tag is written before the value). Benchmarks
 * only.
 */
public final class SeedHost {
  private static final VarHandle TAG;

  static {
    try {
      TAG = MethodHandles.lookup().findVarHandle(SeedHost.class, "tag", PyInterpreter.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  final String name;
  private PyInterpreter tag;
  private Object value;

  public SeedHost(String name) {
    this.name = name;
  }

  public Object value(PyInterpreter interpreter) {
    if (TAG.getAcquire(this) == interpreter) {
      return value;
    }
    return valueMiss(interpreter);
  }

  private Object valueMiss(PyInterpreter interpreter) {
    Object computed = name; // the slow accessor
    if (TAG.getAcquire(this) == null && TAG.compareAndSet(this, null, interpreter)) {
      value = computed; // the seed's order: tag first, then the value
    }
    return computed;
  }
}
