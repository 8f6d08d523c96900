package io.github.pyhandlecache.benchmarks.operators;

import io.github.pyhandlecache.runtime.PyInterpreter;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * PyTorch's {@code PyHandleCache::ptr_or} written by hand: an acquire load of the tag, a compare, a
 * plain load of the value. The floor of a tagged cache, and <strong>racy without a GIL</strong>: the
 * claim writes the tag before the value, and a reclaimed slot can hand one interpreter another's
 * value. Benchmarks only; never copy it.
 */
public final class SeedProtocolOperator {
  private static final VarHandle TAG;

  static {
    try {
      TAG = MethodHandles.lookup()
          .findVarHandle(SeedProtocolOperator.class, "tag", PyInterpreter.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final String name;
  private PyInterpreter tag;
  private PyObjectStub value;

  public SeedProtocolOperator(String name) {
    this.name = name;
  }

  public PyObjectStub pyObject(PyInterpreter interpreter) {
    if (TAG.getAcquire(this) == interpreter) {
      return value;
    }
    return pyObjectMiss(interpreter);
  }

  private PyObjectStub pyObjectMiss(PyInterpreter interpreter) {
    PyObjectStub computed = PyObjectStub.wrap(interpreter, name);
    // The seed's order: tag first, then the value (the GIL covers the gap in PyTorch).
    if (TAG.getAcquire(this) == null && TAG.compareAndSet(this, null, interpreter)) {
      value = computed;
    }
    return computed;
  }
}
